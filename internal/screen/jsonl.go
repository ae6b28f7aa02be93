package screen

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/bouclier/bouclier"
)

// jsonFast lets RunJSONL read and answer the common line itself
// (jsonfast.go); tests turn it off to compare with encoding/json.
var jsonFast = true

// jsonInput is one line of the `bouclier screen` protocol.
type jsonInput struct {
	ID          json.RawMessage `json:"id"`
	Text        *string         `json:"text"`
	Subject     string          `json:"subject"`
	Attachments []struct {
		Name        string `json:"name"`
		ContentType string `json:"content_type"`
		Base64      string `json:"base64"`
	} `json:"attachments"`
	Role       string `json:"role"`
	ToStudents bool   `json:"to_students"`
	Academie   string `json:"academie"`
}

type jsonOutput struct {
	ID      json.RawMessage `json:"id"`
	Verdict Verdict         `json:"verdict"`
	Score   float64         `json:"score"`
	Reasons []string        `json:"reasons"`
	Explain *Explanation    `json:"explain,omitempty"`
}

type jsonError struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// RunJSONL runs the `bouclier screen` protocol: it reads JSON lines from in
// and writes one JSON line per non-empty input line to out.
//
// Input: {"id": any JSON value, "text": string} with optional "subject"
// (string), "attachments" ([{"name", "content_type", "base64"}]), "role"
// (a contract role: the sender's, enabling the role rules), "to_students"
// (bool: a recipient is a student) and "academie" (for its allowlist).
// Output: {"id": the id as given, "verdict": "deliver"|"hold"|"reject",
// "score": number, "reasons": [string...]}. A line that cannot be read
// gets {"line": N, "error": "..."} (N counts every line from 1) and the
// rest goes on. Empty lines are skipped; lines of any length are accepted.
// The returned error is a read or write failure only.
func RunJSONL(e *Engine, in io.Reader, out io.Writer) error {
	return RunJSONLExplain(e, in, out, false)
}

// RunJSONLExplain is RunJSONL; with explain, each output line also carries
// "explain": the learned layer's probabilities and the features that
// contributed most to its strongest head (Engine.Explain).
func RunJSONLExplain(e *Engine, in io.Reader, out io.Writer, explain bool) error {
	r := bufio.NewReaderSize(in, 64<<10)
	w := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var (
		m   jsonInput
		buf []byte
	)
	for n := 1; ; n++ {
		// ReadSlice spares a copy per line (the line is used up before
		// the next read); a line longer than the buffer is gathered.
		line, rerr := r.ReadSlice('\n')
		if errors.Is(rerr, bufio.ErrBufferFull) {
			long := append([]byte(nil), line...)
			for errors.Is(rerr, bufio.ErrBufferFull) {
				line, rerr = r.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			w.Flush()
			return rerr
		}
		line = bytes.TrimSpace(line)
		if len(line) > 0 && !explain && jsonFast {
			// The common line: decoded and answered without reflection
			// (jsonfast.go); the same bytes as the encoder below.
			m = jsonInput{}
			if decodeFast(line, &m) {
				res, id, _, err := screenInput(e, &m)
				if err == nil && !math.IsNaN(res.Score) && !math.IsInf(res.Score, 0) {
					buf = appendVerdict(buf[:0], id, res)
					if _, err := w.Write(buf); err != nil {
						return err
					}
					line = nil
				}
			}
		}
		if len(line) > 0 {
			var v any
			if res, id, in, err := screenLine(e, line); err != nil {
				v = jsonError{Line: n, Error: err.Error()}
			} else {
				o := jsonOutput{ID: id, Verdict: res.Verdict, Score: res.Score, Reasons: res.Reasons}
				if explain {
					x := e.Explain(in)
					o.Explain = &x
				}
				v = o
			}
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
		if rerr != nil { // EOF
			return w.Flush()
		}
		// Flush when no more input is waiting, so an interactive caller
		// gets each answer at once and a batch is written in blocks.
		if r.Buffered() == 0 {
			if err := w.Flush(); err != nil {
				return err
			}
		}
	}
}

func screenLine(e *Engine, line []byte) (Result, json.RawMessage, Input, error) {
	if line[0] != '{' {
		return Result{}, nil, Input{}, errors.New("not a JSON object")
	}
	var m jsonInput
	if err := json.Unmarshal(line, &m); err != nil {
		return Result{}, nil, Input{}, fmt.Errorf("invalid JSON: %v", err)
	}
	return screenInput(e, &m)
}

// screenInput checks a decoded line (screenLine, decodeFast).
func screenInput(e *Engine, m *jsonInput) (Result, json.RawMessage, Input, error) {
	id := m.ID
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	if m.Text == nil && m.Subject == "" && len(m.Attachments) == 0 {
		return Result{}, nil, Input{}, errors.New(`missing "text"`)
	}
	in := Input{Subject: m.Subject, ToStudents: m.ToStudents, Academie: m.Academie}
	if m.Text != nil {
		in.Text = *m.Text
	}
	if m.Role != "" {
		role, err := bouclier.ParseRole(m.Role)
		if err != nil {
			return Result{}, nil, Input{}, fmt.Errorf("unknown role %q", m.Role)
		}
		in.SenderRole = role
	}
	for i, a := range m.Attachments {
		data, err := base64.StdEncoding.DecodeString(a.Base64)
		if err != nil {
			if data, err = base64.RawStdEncoding.DecodeString(a.Base64); err != nil {
				return Result{}, nil, Input{}, fmt.Errorf("attachment %d: invalid base64", i+1)
			}
		}
		in.Attachments = append(in.Attachments, Attachment{Name: a.Name, ContentType: a.ContentType, Data: data})
	}
	return e.Check(in), id, in, nil
}
