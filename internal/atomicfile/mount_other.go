//go:build !unix

package atomicfile

// renameRefusedByMount is false where files are not mounted one by one.
func renameRefusedByMount(error) bool { return false }
