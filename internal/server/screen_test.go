package server

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/pdftest"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// minimalPDF assembles a one-page PDF whose catalog is catalog, with extra
// objects numbered from 4.
func minimalPDF(catalog string, extra ...string) []byte {
	objs := append([]string{catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"}, extra...)
	return pdftest.Build("1.7", objs...)
}

func zipWith(t *testing.T, name string, data []byte) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The verdict on what is inside attachments reaches the messaging path, and
// so do the domains linked from inside them (suspect domains, campaigns).
func TestScreenAttachmentContents(t *testing.T) {
	exe := append([]byte("MZ"), make([]byte, 254)...)
	copy(exe[0x80:], "PE\x00\x00")
	exe[0x3c] = 0x80
	lure := minimalPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.ac-rouen.tk/connexion) >> >>")
	tests := []struct {
		name    string
		att     messaging.Attachment
		verdict string
		link    string
	}{
		{"ordinary PDF", messaging.Attachment{Name: "bulletin.pdf", Data: minimalPDF("<< /Type /Catalog /Pages 2 0 R >>")}, "deliver", ""},
		{"PDF running JavaScript at open", messaging.Attachment{Name: "bulletin.pdf", Data: minimalPDF("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>")}, "reject", ""},
		{"broken PDF", messaging.Attachment{Name: "bulletin.pdf", Data: []byte("%PDF-1.4\n%bulletin\n")}, "hold", ""},
		{"zip holding an executable", messaging.Attachment{Name: "photos.zip", Data: zipWith(t, "photo.jpg", exe)}, "reject", ""},
		{"zip holding a PDF that links to a look-alike", messaging.Attachment{Name: "docs.zip", Data: zipWith(t, "ent.pdf", lure)}, "hold", "www.ac-rouen.tk"},
	}
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, tg.Config)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			c := &screenCache{db: db, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			sender := bouclier.User{Role: bouclier.RoleTeacher}
			for _, tt := range tests {
				r := c.Screen(messaging.ScreenInput{Body: "Ci-joint le document.", Sender: sender, Attachments: []messaging.Attachment{tt.att}})
				if string(r.Verdict) != tt.verdict {
					t.Errorf("%s: %s %q, want %s", tt.name, r.Verdict, r.Reasons, tt.verdict)
				}
				if tt.link != "" && !slices.Contains(r.Links, tt.link) {
					t.Errorf("%s: links %q, want %s", tt.name, r.Links, tt.link)
				}
			}
		})
	}
}

// Without an engine (the lists could never be read), messages are held.
func TestScreenWithoutEngineHolds(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	c := &screenCache{db: db, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if r := c.Screen(messaging.ScreenInput{Body: "Bonjour"}); r.Verdict != "hold" {
		t.Errorf("verdict %s %q without an engine, want hold", r.Verdict, r.Reasons)
	}
}
