package segment

import (
	"strings"
	"unicode"

	"bitext/arabic"
)

// Web furniture that surrounds articles copied from news sites. Lines are
// compared after arabic.Fold (which also lower-cases), with surrounding
// punctuation removed.

// boilerplateLines are whole lines that are never article text.
var boilerplateLines = setOf(
	// Sharing and comments.
	"شاركها", "شارك", "شارك هذا المقال", "شارك المقال", "شارك الخبر", "مشاركه", "مشاركه الخبر",
	"اترك تعليقا", "اترك تعليقاً", "اضف تعليق", "اضف تعليقا", "اكتب تعليقا", "التعليقات", "تعليقات",
	"share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
	"share via email", "tweet", "leave a comment", "leave a reply", "comments", "print", "email",
	// Navigation and site UI.
	"exit mobile version", "skip to content", "skip to main content", "back to top", "scroll to top",
	"العوده للاعلي", "الي الاعلي", "read more", "read also", "اقرا المزيد", "اقرا ايضا", "اقرا ايضاً",
	"مقالات ذات صله", "اخبار ذات صله", "ذات صله", "related", "related posts", "related articles",
	"advertisement", "اعلان", "sponsored", "follow us", "تابعنا", "تابعونا", "تابعونا علي",
	"subscribe", "اشترك", "اشترك الان", "newsletter", "القائمه", "menu", "search", "بحث", "close", "اغلاق",
	"accept", "accept all", "قبول", "اوافق", "موافق", "tags", "الوسوم", "كلمات مفتاحيه",
	"sign in", "log in", "login", "تسجيل الدخول", "loading", "like this", "share this:", "more", "المزيد",
)

// shareWords are the buttons of a share bar; a line made only of them is boilerplate.
var shareWords = setOf(
	"facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "email", "print",
	"messenger", "فيسبوك", "فيس", "بوك", "تويتر", "واتساب", "واتس", "اب", "تلغرام", "تيليجرام", "تليجرام",
	"لينكدان", "بريد", "طباعه", "ماسنجر", "شارك", "شاركها", "مشاركه", "share", "tweet",
)

// linkPrefixes start lines that link away from the article ("اقرأ أيضا: ...").
var linkPrefixes = foldAll([]string{"اقرأ أيضاً:", "اقرأ أيضا:", "اقرأ المزيد:", "read more:", "read also:", "related:", "see also:"})

// uiPhrases inside a short line mark it as a button or link label.
var uiPhrases = foldAll([]string{"click to share", "opens in new window", "click to print", "click to email"})

// breadcrumbStarts begin a navigation trail such as "الرئيسية » أخبار » دولية".
var breadcrumbStarts = foldAll([]string{"الرئيسية", "الصفحة الرئيسية", "home"})

// noticePrefixes start short site notices.
var noticePrefixes = foldAll([]string{"©", "copyright ©", "copyright (c)", "جميع الحقوق محفوظة", "حقوق النشر محفوظة"})

// A cookie notice names cookies and the site or the reader's consent.
var (
	cookieWords  = foldAll([]string{"cookie", "ملفات تعريف الارتباط", "الكوكيز"})
	consentWords = foldAll([]string{"accept", "consent", "we use", "this site", "this website", "قبول", "موافق", "نستخدم", "هذا الموقع", "الموقع"})
)

// maxBoilerplateBytes bounds the lines examined: longer lines are article text.
const maxBoilerplateBytes = 600

// maxButtonBytes bounds the lines that can be a list of buttons or a link.
const maxButtonBytes = 160

// maxNoticeBytes bounds a copyright line.
const maxNoticeBytes = 200

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Fold(w)] = true
	}
	return m
}

func foldAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = arabic.Fold(w)
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// isBoilerplate reports whether a line is web furniture rather than article text.
// A line with no letter or digit (* * *, …, —) is a separator: kept, never a
// sentence to translate.
func isBoilerplate(line string) bool {
	if len(line) > maxBoilerplateBytes {
		return false
	}
	if !hasWord(line) {
		return true
	}
	if len(line) > maxButtonBytes && !mayBeCookieNotice(line) {
		return false
	}
	f := strings.TrimSpace(arabic.Fold(line))
	for _, p := range linkPrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	if len(line) <= maxNoticeBytes {
		for _, p := range noticePrefixes {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	if containsAny(f, cookieWords) && containsAny(f, consentWords) {
		return true
	}
	if len(line) <= maxButtonBytes && (containsAny(f, uiPhrases) || isBreadcrumb(f)) {
		return true
	}
	f = strings.TrimFunc(f, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '|' })
	if boilerplateLines[f] {
		return true
	}
	words := strings.FieldsFunc(f, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '|' })
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
	}
	return true
}

// mayBeCookieNotice is a cheap test on the raw line before folding it.
func mayBeCookieNotice(line string) bool {
	return strings.Contains(line, "ookie") || strings.Contains(line, "OOKIE") ||
		strings.Contains(line, "الارتباط") || strings.Contains(line, "الكوكيز")
}

// isBreadcrumb reports whether a folded line is a navigation trail: it starts
// at the home page and goes on with a separator.
func isBreadcrumb(f string) bool {
	for _, start := range breadcrumbStarts {
		rest, ok := strings.CutPrefix(f, start)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		for _, sep := range []string{"»", "›", ">", "/", "|", "«", "‹", "<"} {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	}
	return false
}
