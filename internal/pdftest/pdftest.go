// Package pdftest writes small PDFs by hand for tests: objects numbered
// from 1 (the first is the catalog) and a correct cross-reference table,
// so that a PDF reader finds them whatever they hold (a script, a form, a
// page that is too large).
package pdftest

import (
	"bytes"
	"fmt"
)

// Build writes a PDF of the given version ("1.4") whose objects are objs.
func Build(version string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-" + version + "\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}
