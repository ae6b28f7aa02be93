package ackforms

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/csvsafe"
	"github.com/bouclier/bouclier/internal/store"
)

// Export kinds.
const (
	ExportAnswers = "answers" // one row per family
	ExportAcks    = "acks"    // one row per recipient and class
)

// CSV exports the results of message id as CSV (UTF-8 with a byte order
// mark, so that spreadsheets read the accents; every cell neutralised by
// csvsafe so that no answer or name runs as a formula). Times are RFC 3339
// in UTC. The export is audited. Errors: those of Results, and
// invalid_request for an unknown kind or one the message does not ask.
func (s *Service) CSV(ctx context.Context, a bouclier.Actor, id int64, kind string) ([]byte, error) {
	r, err := s.Results(ctx, a, id)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	switch {
	case kind == ExportAnswers && r.Request.HasForm():
		rows = append(rows, []string{"Classe", "Élève", "Identifiant", "Question", "Réponse", "Répondu par", "Date"})
		for _, c := range r.Classes {
			for _, f := range c.Families {
				row := []string{c.Name, f.Child.DisplayName, f.Child.Username, r.Request.Question, "", "", ""}
				if f.Answer != nil {
					row[4], row[5], row[6] = f.Label, f.Answer.ByName, stamp(f.Answer.At)
				}
				rows = append(rows, row)
			}
		}
	case kind == ExportAcks && r.Request.Ack:
		rows = append(rows, []string{"Classe", "Destinataire", "Identifiant", "Rôle", "Enfants", "Accusé de lecture", "Date"})
		for _, c := range r.Classes {
			for _, p := range c.People {
				row := []string{c.Name, p.User.DisplayName, p.User.Username, string(p.User.Role), strings.Join(p.Children, ", "), "non", ""}
				if p.Acked {
					row[5], row[6] = "oui", stamp(p.AckedAt)
				}
				rows = append(rows, row)
			}
		}
	default:
		return nil, bouclier.Errorf(bouclier.ErrInvalidRequest, "Export inconnu pour ce message.")
	}
	var b bytes.Buffer
	b.WriteString("\ufeff")
	if err := csvsafe.NewWriter(&b).WriteAll(rows); err != nil {
		return nil, fmt.Errorf("results csv: %w", err)
	}
	u := a.User
	now := s.now()
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "form.exported",
			Target: fmt.Sprintf("message:%d", id), Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("kind=%s rows=%d", kind, len(rows)-1)})
	})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func stamp(us int64) string { return time.UnixMicro(us).UTC().Format(time.RFC3339) }
