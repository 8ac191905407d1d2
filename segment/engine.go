package segment

import (
	"fmt"
	"io"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rule engine. SRX "before" patterns are look-behinds, which Go's regexp
// lacks, so each one is reversed (its syntax tree mirrored) and matched,
// anchored, against the text read backwards from the candidate position.
// Only positions after a rune that can end some breaking rule's "before"
// are candidates, and each rule is skipped cheaply when the runes around the
// position cannot start or end its patterns. That keeps the cost per byte
// close to a plain scan.

// group is a run of consecutive rules with the same decision and the same
// "after" pattern, merged into one alternation: within such a run, which
// rule matches first does not change the outcome.
type group struct {
	brk    bool
	before pattern // reversed
	after  pattern
}

// pattern is an anchored regexp that first consumes one "lead" rune from the
// other side of the position, so that \b and \B see both sides. Positions are
// never at the ends of the text, so there is always such a rune.
type pattern struct {
	re    *regexp.Regexp
	first runeSet // runes the matched text can start with; any if it may be empty
	// then holds the runes the matched text can have after its first, one
	// set per position: most rules fail on the second or third rune (the
	// letter before a full stop is no "m" of "p.m."), and testing a set is
	// much cheaper than running the regexp.
	then []runeSet
	need string // every match holds one of these runes; "" if no short such set is known
}

func compileRules(rules []Rule) ([]group, error) {
	var out []group
	for i := 0; i < len(rules); {
		j := i + 1
		for j < len(rules) && rules[j].Break == rules[i].Break && rules[j].After == rules[i].After {
			j++
		}
		var before string
		for k := i; k < j; k++ {
			if err := checkPattern(rules[k].Before); err != nil {
				return nil, ruleErr(rules[k], "beforebreak", err)
			}
			if k > i {
				before += "|"
			}
			before += "(?:" + rules[k].Before + ")"
		}
		if err := checkPattern(rules[i].After); err != nil {
			return nil, ruleErr(rules[i], "afterbreak", err)
		}
		bp, err := compilePattern(before, true)
		if err != nil {
			return nil, ruleErr(rules[i], "beforebreak", err)
		}
		ap, err := compilePattern(rules[i].After, false)
		if err != nil {
			return nil, ruleErr(rules[i], "afterbreak", err)
		}
		out = append(out, group{brk: rules[i].Break, before: bp, after: ap})
		i = j
	}
	return out, nil
}

func ruleErr(r Rule, part string, err error) error {
	if r.Line > 0 {
		return fmt.Errorf("line %d: %s: %w", r.Line, part, err)
	}
	return fmt.Errorf("rule %q/%q: %s: %w", r.Before, r.After, part, err)
}

func checkPattern(s string) error {
	_, err := syntax.Parse(fromJava(s), syntax.Perl)
	return err
}

// fromJava rewrites the Java regular-expression escapes that SRX files
// commonly hold and RE2 spells differently: \uXXXX becomes \x{XXXX}, and
// \p{InScript} or \p{IsScript} becomes \p{Script}.
func fromJava(s string) string {
	if !strings.Contains(s, `\u`) && !strings.Contains(s, `\p{In`) && !strings.Contains(s, `\p{Is`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		rest := s[i+1:]
		switch {
		case rest[0] == 'u' && len(rest) >= 5 && isHex(rest[1:5]):
			b.WriteString(`\x{` + rest[1:5] + `}`)
			i += 5
		case strings.HasPrefix(rest, "p{In") || strings.HasPrefix(rest, "p{Is"):
			b.WriteString(`\p{`)
			i += 4
		default:
			// Any other escape, \\ included, is copied whole.
			b.WriteString(s[i : i+2])
			i++
		}
	}
	return b.String()
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// compilePattern parses src and compiles it anchored at the start, reversed
// if reverse is set.
func compilePattern(src string, reverse bool) (pattern, error) {
	tree, err := syntax.Parse(fromJava(src), syntax.Perl)
	if err != nil {
		return pattern{}, err
	}
	if reverse {
		tree = reverseTree(tree)
	}
	s := tree.String()
	var p pattern
	if p.re, err = regexp.Compile(`^(?s:.)(?:` + s + `)`); err != nil {
		return p, err
	}
	set, nullable := firstSet(tree)
	if nullable {
		set = runeSet{any: true}
	}
	p.first = set
	if p.then, err = prefixSets(tree); err != nil {
		return p, err
	}
	if need, ok := needSet(tree); ok && !need.any && len(need.r) <= 2*maxNeedRanges {
		var b []rune
		for i := 0; i < len(need.r); i += 2 {
			for r := need.r[i]; r <= need.r[i+1] && len(b) <= maxNeedRunes; r++ {
				b = append(b, r)
			}
		}
		if len(b) <= maxNeedRunes {
			p.need = string(b)
		}
	}
	return p, nil
}

// prefixLen is how many runes after the first prefixSets describes.
const prefixLen = 3

// prefixSets returns the runes a match of re can have at positions 1 to
// prefixLen (position 0 is firstSet's), read from re's compiled program. A
// position where a match may already have ended is any rune, and so is every
// one after it.
func prefixSets(re *syntax.Regexp) ([]runeSet, error) {
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, err
	}
	var sets []runeSet
	ended := false
	cur := closure(prog, []uint32{uint32(prog.Start)})
	for pos := 0; pos <= prefixLen; pos++ {
		var set runeSet
		var next []uint32
		for _, pc := range cur {
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstMatch:
				ended = true
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				set = union(set, instRunes(in))
				next = append(next, in.Out)
			}
		}
		if ended {
			set = runeSet{any: true}
		}
		if pos > 0 {
			sets = append(sets, set)
		}
		cur = closure(prog, next)
	}
	return sets, nil
}

// closure returns the instructions that consume a rune or end a match, reached
// from pcs without consuming one. Empty-width assertions (^, $, \b) are taken
// as passed: the sets only need to hold every rune a match can have.
func closure(prog *syntax.Prog, pcs []uint32) []uint32 {
	seen := make(map[uint32]bool)
	var out []uint32
	var visit func(pc uint32)
	visit = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			visit(in.Out)
			visit(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			visit(in.Out)
		case syntax.InstFail:
		default:
			out = append(out, pc)
		}
	}
	for _, pc := range pcs {
		visit(pc)
	}
	return out
}

// instRunes returns the runes a rune instruction matches.
func instRunes(in *syntax.Inst) runeSet {
	switch {
	case in.Op == syntax.InstRuneAny || in.Op == syntax.InstRuneAnyNotNL:
		return runeSet{any: true}
	case len(in.Rune) == 1:
		c := in.Rune[0]
		set := runeSet{r: []rune{c, c}}
		if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				set = union(set, runeSet{r: []rune{f, f}})
			}
		}
		return set
	}
	return union(runeSet{}, runeSet{r: append([]rune(nil), in.Rune...)})
}

// allows reports whether the runes of s read from pos (backwards if back)
// can follow a match's first rune. Text that ends first is no reason to say no.
func (p *pattern) allows(s string, pos int, back bool, stop int) bool {
	for _, set := range p.then {
		if set.any {
			return true
		}
		var c rune
		var n int
		if back {
			if pos <= 0 || pos <= stop {
				return true
			}
			c, n = utf8.DecodeLastRuneInString(s[:pos])
			pos -= n
		} else {
			if pos >= len(s) {
				return true
			}
			c, n = utf8.DecodeRuneInString(s[pos:])
			pos += n
		}
		if !set.has(c) {
			return false
		}
	}
	return true
}

// Limits on the "need" sets worth testing for.
const (
	maxNeedRanges = 4
	maxNeedRunes  = 8
)

// needSet returns a set of runes of which every match of re holds at least
// one, choosing the smallest it can find; ok is false when there is none.
func needSet(re *syntax.Regexp) (runeSet, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return runeSet{}, false
		}
		s, _ := firstSet(re)
		return s, true
	case syntax.OpCharClass:
		s, _ := firstSet(re)
		return s, true
	case syntax.OpCapture, syntax.OpPlus:
		return needSet(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return runeSet{}, false
		}
		return needSet(re.Sub[0])
	case syntax.OpConcat:
		best, found := runeSet{}, false
		for _, sub := range re.Sub {
			if s, ok := needSet(sub); ok && !s.any && (!found || setSize(s) < setSize(best)) {
				best, found = s, true
			}
		}
		return best, found
	case syntax.OpAlternate:
		var set runeSet
		for _, sub := range re.Sub {
			s, ok := needSet(sub)
			if !ok {
				return runeSet{}, false
			}
			set = union(set, s)
		}
		return set, true
	}
	return runeSet{}, false
}

func setSize(s runeSet) int {
	n := 0
	for i := 0; i < len(s.r); i += 2 {
		n += int(s.r[i+1]-s.r[i]) + 1
	}
	return n
}

// reverseTree mirrors a regexp so that it matches the reversed text.
func reverseTree(re *syntax.Regexp) *syntax.Regexp {
	out := *re
	switch re.Op {
	case syntax.OpLiteral:
		out.Rune = make([]rune, len(re.Rune))
		for i, r := range re.Rune {
			out.Rune[len(re.Rune)-1-i] = r
		}
	case syntax.OpBeginLine:
		out.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		out.Op = syntax.OpBeginLine
	case syntax.OpBeginText:
		out.Op = syntax.OpEndText
	case syntax.OpEndText:
		out.Op = syntax.OpBeginText
	}
	if len(re.Sub) > 0 {
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, s := range re.Sub {
			out.Sub[i] = reverseTree(s)
		}
		if re.Op == syntax.OpConcat {
			for i, j := 0, len(out.Sub)-1; i < j; i, j = i+1, j-1 {
				out.Sub[i], out.Sub[j] = out.Sub[j], out.Sub[i]
			}
		}
	}
	return &out
}

// runeSet is a set of runes as sorted, inclusive [lo, hi] pairs, or any rune.
type runeSet struct {
	any bool
	r   []rune
}

func (s runeSet) has(c rune) bool {
	if s.any {
		return true
	}
	if len(s.r) <= 16 {
		for i := 0; i < len(s.r); i += 2 {
			if c >= s.r[i] && c <= s.r[i+1] {
				return true
			}
		}
		return false
	}
	n := len(s.r) / 2
	i := sort.Search(n, func(i int) bool { return s.r[2*i+1] >= c })
	return i < n && c >= s.r[2*i]
}

func union(a, b runeSet) runeSet {
	if a.any || b.any {
		return runeSet{any: true}
	}
	var pairs [][2]rune
	for i := 0; i < len(a.r); i += 2 {
		pairs = append(pairs, [2]rune{a.r[i], a.r[i+1]})
	}
	for i := 0; i < len(b.r); i += 2 {
		pairs = append(pairs, [2]rune{b.r[i], b.r[i+1]})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	var out []rune
	for _, p := range pairs {
		if n := len(out); n > 0 && p[0] <= out[n-1]+1 {
			if p[1] > out[n-1] {
				out[n-1] = p[1]
			}
			continue
		}
		out = append(out, p[0], p[1])
	}
	return runeSet{r: out}
}

// firstSet returns the runes a match of re can begin with, and whether re can
// match the empty string.
func firstSet(re *syntax.Regexp) (runeSet, bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return runeSet{}, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return runeSet{}, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return runeSet{}, true
		}
		c := re.Rune[0]
		set := runeSet{r: []rune{c, c}}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				set = union(set, runeSet{r: []rune{f, f}})
			}
		}
		return set, false
	case syntax.OpCharClass:
		return union(runeSet{}, runeSet{r: append([]rune(nil), re.Rune...)}), false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return runeSet{any: true}, false
	case syntax.OpCapture:
		return firstSet(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _ := firstSet(re.Sub[0])
		return s, true
	case syntax.OpPlus:
		return firstSet(re.Sub[0])
	case syntax.OpRepeat:
		s, n := firstSet(re.Sub[0])
		return s, n || re.Min == 0
	case syntax.OpConcat:
		var set runeSet
		for _, sub := range re.Sub {
			s, n := firstSet(sub)
			set = union(set, s)
			if !n {
				return set, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		var set runeSet
		nullable := false
		for _, sub := range re.Sub {
			s, n := firstSet(sub)
			set = union(set, s)
			nullable = nullable || n
		}
		return set, nullable
	}
	return runeSet{any: true}, true
}

// maxBehind is how far, in bytes, a "before" pattern looks back from a
// position (about 1000 Arabic letters). A pattern that would need more, such
// as a quotation opened further back, does not match: without a bound, a
// long line with one quotation mark and many question marks is read back to
// the mark at every one of them, in time that grows with the square of the
// line.
const maxBehind = 2000

// behindLimit returns where reading back from pos stops: the start of the
// rune at maxBehind bytes before pos, or -1 for the start of the text.
func behindLimit(s string, pos int) int {
	lo := pos - maxBehind
	if lo <= 0 {
		return -1
	}
	for lo < pos && !utf8.RuneStart(s[lo]) {
		lo++
	}
	return lo
}

// posReader reads runes from a text starting at a position, forwards or
// backwards, optionally preceded by one "lead" rune from the other side.
type posReader struct {
	s        string
	pos      int
	back     bool
	leadNext bool // the next rune read is the lead rune
	lead     rune
	leadSize int
	// stop, when not -1 (or 0, the zero value), is where reading back ends:
	// one U+FFFD stands for the text before it, so that ^ cannot match there.
	stop int
}

func (r *posReader) ReadRune() (rune, int, error) {
	if r.leadNext {
		r.leadNext = false
		return r.lead, r.leadSize, nil
	}
	if r.back {
		if r.stop > 0 && r.pos <= r.stop {
			if r.pos == r.stop {
				r.pos--
				return utf8.RuneError, 1, nil
			}
			return 0, 0, io.EOF
		}
		if r.pos <= 0 {
			return 0, 0, io.EOF
		}
		c, n := utf8.DecodeLastRuneInString(r.s[:r.pos])
		r.pos -= n
		return c, n, nil
	}
	if r.pos >= len(r.s) {
		return 0, 0, io.EOF
	}
	c, n := utf8.DecodeRuneInString(r.s[r.pos:])
	r.pos += n
	return c, n, nil
}

// splitter applies compiled rules to text.
type splitter struct {
	groups []group
	cand   runeSet   // runes after which a breaking rule may apply
	lead   [256]bool // first bytes of the UTF-8 encodings of cand
}

func newSplitter(groups []group) *splitter {
	sp := &splitter{groups: groups}
	for _, g := range groups {
		if g.brk {
			sp.cand = union(sp.cand, g.before.first)
		}
	}
	if sp.cand.any {
		for b := range sp.lead {
			sp.lead[b] = b < utf8.RuneSelf || b >= 0xC0
		}
		return sp
	}
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(sp.cand.r); i += 2 {
		lo, hi := sp.cand.r[i], sp.cand.r[i+1]
		if hi-lo > 1<<12 {
			for b := 0xC0; b < 256; b++ {
				sp.lead[b] = true
			}
			hi = min(hi, lo+1<<12)
		}
		for r := lo; r <= hi; r++ {
			utf8.EncodeRune(buf[:], r)
			sp.lead[buf[0]] = true
		}
	}
	return sp
}

// breaks appends to dst the positions in text (0 < p < len(text)) where the rules break.
func (sp *splitter) breaks(dst []int, text string) []int {
	if len(sp.groups) == 0 {
		return dst
	}
	// Where the runes each group needs first and last occur, found when first
	// asked: a group whose "before" needs a rune absent before the position,
	// or whose "after" one absent after it, cannot match there.
	var spans []span
	var rd posReader
	for j := 0; j < len(text); j++ {
		if !sp.lead[text[j]] {
			continue
		}
		c, n := utf8.DecodeRuneInString(text[j:])
		i := j + n
		if i >= len(text) || !sp.cand.has(c) {
			continue
		}
		next, nn := utf8.DecodeRuneInString(text[i:])
		for gi := range sp.groups {
			g := &sp.groups[gi]
			if !g.before.first.has(c) || !g.after.first.has(next) {
				continue
			}
			if !g.after.allows(text, i+nn, false, 0) || !g.before.allows(text, j, true, behindLimit(text, i)) {
				continue
			}
			if g.before.need != "" || g.after.need != "" {
				if spans == nil {
					spans = make([]span, len(sp.groups))
				}
				sn := &spans[gi]
				if !sn.known {
					*sn = span{known: true, beforeFirst: -1, afterLast: len(text)}
					if g.before.need != "" {
						if sn.beforeFirst = indexAny(text, g.before.need); sn.beforeFirst < 0 {
							sn.beforeFirst = len(text)
						}
					}
					if g.after.need != "" {
						sn.afterLast = lastIndexAny(text, g.after.need)
					}
				}
				if sn.beforeFirst >= i || sn.afterLast < i {
					continue
				}
			}
			rd = posReader{s: text, pos: i, back: true, leadNext: true, lead: next, leadSize: nn, stop: behindLimit(text, i)}
			if !g.before.re.MatchReader(&rd) {
				continue
			}
			rd = posReader{s: text, pos: i, leadNext: true, lead: c, leadSize: n}
			if !g.after.re.MatchReader(&rd) {
				continue
			}
			if g.brk {
				dst = append(dst, i)
			}
			break
		}
	}
	return dst
}

// span records where the runes a group needs occur in a line.
type span struct {
	known                  bool
	beforeFirst, afterLast int
}

// indexAny is strings.IndexAny for a few runes, one fast search per rune.
func indexAny(s, runes string) int {
	first := -1
	for _, r := range runes {
		if i := strings.IndexRune(s, r); i >= 0 && (first < 0 || i < first) {
			first = i
			s = s[:i]
		}
	}
	return first
}

// lastIndexAny is strings.LastIndexAny for a few runes.
func lastIndexAny(s, runes string) int {
	last := -1
	var buf [utf8.UTFMax]byte
	for _, r := range runes {
		n := utf8.EncodeRune(buf[:], r)
		if i := strings.LastIndex(s, string(buf[:n])); i > last {
			last = i
		}
	}
	return last
}
