// Package doccheck holds a test that keeps the module's rule that every
// exported identifier has a doc comment: it lists, by file and line, each
// one that go doc would show without an explanation.
package doccheck
