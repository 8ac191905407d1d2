package arabic_test

import (
	"fmt"

	"bitext/arabic"
)

// Fold makes spellings that writers use interchangeably compare equal: the
// hamza forms of alef, ta marbuta, alef maqsura, diacritics and tatweel.
func ExampleFold() {
	fmt.Println(arabic.Fold("أحمد") == arabic.Fold("احمد"))
	fmt.Println(arabic.Fold("مدرسة") == arabic.Fold("مدرسه"))
	fmt.Println(arabic.Fold("مُحَمَّد") == arabic.Fold("محمد"))
	fmt.Println(arabic.Fold("٢٠٢٦"))
	// Output:
	// true
	// true
	// true
	// 2026
}

// SplitProclitics lists the ways a word can be read as proclitics glued to
// a stem; a caller keeps the reading whose stem it knows.
func ExampleSplitProclitics() {
	word := "وبموسكو"
	for _, s := range arabic.SplitProclitics(word) {
		fmt.Printf("%s + %s\n", s.Clitic, s.Stem(word))
	}
	// Output:
	// و + بموسكو
	// وب + موسكو
}
