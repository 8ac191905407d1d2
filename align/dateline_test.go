package align

import (
	"testing"

	"bitext/segment"
)

// TestDocumentDatelinePairsOnlyWithDateline aligns articles whose dateline
// is on one side, on both or on neither: a dateline is a bead of its own,
// paired with the other dateline or with nothing, and the first sentences
// still pair with each other.
func TestDocumentDatelinePairsOnlyWithDateline(t *testing.T) {
	const (
		arHead = "الكرملين: بوتين يزور الصين\n\n"
		enHead = "Kremlin says Putin to visit China\n\n"
		arDL   = "موسكو - (أ ف ب) - "
		enDL   = "MOSCOW (Reuters) - "
		arBody = "أعلن الكرملين يوم الخميس أن الرئيس الروسي فلاديمير بوتين سيزور الصين في 15 تشرين الأول المقبل.\n\nوقال المتحدث باسم الكرملين ديمتري بيسكوف إن الزيارة ستستمر ثلاثة أيام.\n\nوأضاف أن الرئيسين سيبحثان التعاون الاقتصادي والطاقة.\n"
		enBody = "The Kremlin said on Thursday that Russian President Vladimir Putin will visit China on October 15.\n\nKremlin spokesman Dmitry Peskov said the visit would last three days.\n\nHe added that the two presidents would discuss economic and energy cooperation.\n"
	)
	tests := []struct {
		name         string
		ar, en       string
		arDL, enDL   bool
		withHeadings bool
	}{
		{"English only", arBody, enDL + enBody, false, true, false},
		{"Arabic only", arDL + arBody, enBody, true, false, false},
		{"both", arDL + arBody, enDL + enBody, true, true, false},
		{"both after headlines", arHead + arDL + arBody, enHead + enDL + enBody, true, true, true},
		{"English only after headlines", arHead + arBody, enHead + enDL + enBody, false, true, true},
		{"one paragraph", arDL + "أعلن الكرملين يوم الخميس أن الرئيس الروسي فلاديمير بوتين سيزور الصين في 15 تشرين الأول المقبل.", "The Kremlin said on Thursday that Russian President Vladimir Putin will visit China on October 15.", true, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, tgt := segment.Split("ar.txt", tc.ar, "ar"), segment.Split("en.txt", tc.en, "en")
			segment.SplitDateline(src)
			segment.SplitDateline(tgt)
			st, _ := SegmentIndex(src)
			tt, _ := SegmentIndex(tgt)
			beads := Document(src, tgt, Options{})
			checkPartition(t, beads, len(st), len(tt))
			first := 0 // index of the first sentence on each side
			if tc.withHeadings {
				first = 1
			}
			ds, dt := -1, -1
			fs, ft := first, first
			if tc.arDL {
				ds, fs = first, first+1
			}
			if tc.enDL {
				dt, ft = first, first+1
			}
			for _, b := range beads {
				hasDS, hasDT := containsIdx(b.Source, ds), containsIdx(b.Target, dt)
				switch {
				case hasDS || hasDT:
					if !only(b.Source, ds) || !only(b.Target, dt) {
						t.Errorf("dateline paired with a sentence: %s in %s", FormatBead(b), beadsString(beads))
					}
					if tc.arDL && tc.enDL && !(hasDS && hasDT) {
						t.Errorf("the datelines are not paired together: %s", beadsString(beads))
					}
				case containsIdx(b.Source, fs):
					if len(b.Source) != 1 || len(b.Target) != 1 || b.Target[0] != ft {
						t.Errorf("the first sentences do not pair 1-1: %s in %s", FormatBead(b), beadsString(beads))
					}
				}
			}
		})
	}
}

func containsIdx(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// only reports whether every index in xs is x.
func only(xs []int, x int) bool {
	for _, v := range xs {
		if v != x {
			return false
		}
	}
	return true
}
