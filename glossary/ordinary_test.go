package glossary

import "testing"

func TestOrdinaryTable(t *testing.T) {
	table, err := parseOrdinary(ordinaryGz)
	if err != nil {
		t.Fatal(err)
	}
	if len(table) < 1000 {
		t.Fatalf("%d words in the table", len(table))
	}
	for word, ordinary := range map[string]bool{
		"الأمن":  true,  // security
		"الامن":  true,  // the same, hamza folded
		"فاز":    true,  // won
		"المصري": true,  // Egyptian
		"حماس":   false, // mostly the movement
		"بوتين":  false, // not listed
		"على":    true,
	} {
		u, _ := WordUsage(word)
		if u.IsOrdinary() != ordinary {
			t.Errorf("WordUsage(%q) = %+v: IsOrdinary %v, want %v", word, u, u.IsOrdinary(), ordinary)
		}
	}
	for _, c := range []struct {
		u    Usage
		want bool
	}{
		{Usage{Ordinary: 5}, true}, {Usage{}, false},
		{Usage{Ordinary: 9, Name: 1}, false}, {Usage{Ordinary: 10, Name: 1}, true},
	} {
		if c.u.IsOrdinary() != c.want {
			t.Errorf("%+v: IsOrdinary %v, want %v", c.u, !c.want, c.want)
		}
	}
	if UsageKey("على") == UsageKey("علي") || UsageKey("علي") != Key("علي") {
		t.Errorf("UsageKey: على %q, علي %q", UsageKey("على"), UsageKey("علي"))
	}
	if UsageKey("عَلَى") != UsageKey("على") {
		t.Errorf("UsageKey ignores marks after ى: %q %q", UsageKey("عَلَى"), UsageKey("على"))
	}
}
