package web_test

import (
	"os"
	"testing"

	"github.com/bouclier/bouclier/internal/pdfpreview"
)

// TestMain lets the test binary be the PDF renderer's child, as `bouclier
// pdf-render` is the server's.
func TestMain(m *testing.M) {
	if code, ok := pdfpreview.ServeChild(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}
