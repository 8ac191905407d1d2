package glossary

import "io"

func errIOEOF() error { return io.EOF }
