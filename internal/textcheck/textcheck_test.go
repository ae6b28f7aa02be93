package textcheck

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

type msg struct {
	To      []string          `json:"to"`
	Subject string            `json:"subject"`
	Body    *string           `json:"body"`
	Meta    map[string]string `json:"meta"`
	Raw     json.RawMessage   `json:"raw"`
	Any     any               `json:"any"`
	hidden  string
}

func TestValue(t *testing.T) {
	nul := "a\x00b"
	cases := []struct {
		name  string
		v     any
		field string // "" for no error
	}{
		{"clean", &msg{To: []string{"user:x"}, Subject: "Sortie", Body: new(string), Raw: json.RawMessage(`"\u0000"`)}, ""},
		{"subject", &msg{Subject: nul}, "subject"},
		{"pointer", &msg{Body: &nul}, "body"},
		{"slice", &msg{To: []string{"ok", nul}}, "to[1]"},
		{"map value", &msg{Meta: map[string]string{"k": nul}}, "meta.k"},
		{"any", &msg{Any: map[string]any{"x": []any{nul}}}, "any.x[0]"},
		{"unexported ignored", &msg{hidden: nul}, ""},
		{"nil", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Value(c.v)
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest || !strings.Contains(bouclier.ErrorMessage(err), c.field) {
				t.Fatalf("got %v, want invalid_request naming %s", err, c.field)
			}
		})
	}
}

func TestForm(t *testing.T) {
	r := httptest.NewRequest("POST", "/", strings.NewReader(url.Values{"subject": {"ok"}, "body": {"x\x00y"}}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_ = r.ParseForm()
	if err := Form(r); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest || !strings.Contains(bouclier.ErrorMessage(err), "body") {
		t.Fatalf("urlencoded: %v", err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("subject", "ok")
	fw, _ := mw.CreateFormFile("attachments", "a\x00.pdf")
	_, _ = fw.Write([]byte("%PDF\x00binary is fine"))
	_ = mw.Close()
	r = httptest.NewRequest("POST", "/", &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	// Either the parser refuses the part (the caller answers invalid) or
	// Form does.
	if r.ParseMultipartForm(1<<20) == nil && Form(r) == nil {
		t.Fatal("NUL in a file name accepted")
	}
	clean := httptest.NewRequest("POST", "/", strings.NewReader("subject=ok"))
	clean.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_ = clean.ParseForm()
	if err := Form(clean); err != nil {
		t.Fatal(err)
	}
}
