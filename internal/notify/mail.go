package notify

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// sendMail hands a message to the relay (alert.SendMail, the alerts' SMTP
// client).
var sendMail = alert.SendMail

// French typography: a no-break space before a colon, narrow ones inside
// guillemets.
const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

// maxBody bounds the message text copied into an e-mail, in characters.
const maxBody = 4000

// private reports whether an e-mail about e to u must carry no content:
// pupils' e-mails never do, nor those about a message the screen flagged
// or a moderator held.
func private(u bouclier.User, e store.Entry) bool {
	return u.Role == bouclier.RoleStudent || e.Status != bouclier.StatusDelivered || len(e.Reasons) > 0
}

// person presents a sender as « Mme Sophie Martin (enseignante) », with
// the civility the directory gives (civ, empty when unknown: « Sophie
// Martin (enseignant) »).
func person(e store.Entry, civ string) string {
	return directory.NamedWithRole(bouclier.User{Username: e.Sender, DisplayName: e.SenderName, Role: e.SenderRole, Civility: civ})
}

func messageLink(base string, id int64) string {
	return base + "/messages/" + strconv.FormatInt(id, 10)
}

// oneLine flattens a subject for a header or a list.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// messageMail is the e-mail about one message; civ is its sender's
// civility.
func messageMail(u bouclier.User, e store.Entry, civ string, base string) (subject, body string) {
	from, link := person(e, civ), messageLink(base, e.ID)
	if private(u, e) {
		return "Nouveau message sur Bouclier",
			"Vous avez un nouveau message de " + from + ".\n\nPour le lire, connectez-vous à Bouclier" + nbsp + ": " + link + "\n"
	}
	subject = "Nouveau message de " + from + nbsp + ": " + clip(oneLine(e.Subject), 120)
	body = "Vous avez un nouveau message de " + from + ".\n\nObjet" + nbsp + ": " + oneLine(e.Subject) + "\n\n" +
		clip(strings.TrimSpace(e.Body), maxBody) + "\n\nPour le lire et y répondre" + nbsp + ": " + link + "\n"
	return subject, body
}

// digestMail is the daily e-mail listing several messages; civ gives the
// senders' civilities by username.
func digestMail(u bouclier.User, es []store.Entry, civ map[string]string, base string) (subject, body string) {
	subject = "Bouclier" + nbsp + ": " + strconv.Itoa(len(es)) + " nouveaux messages"
	var b strings.Builder
	b.WriteString("Vous avez " + strconv.Itoa(len(es)) + " nouveaux messages dans Bouclier" + nbsp + ":\n\n")
	for _, e := range es {
		b.WriteString("– Vous avez un nouveau message de " + person(e, civ[e.Sender]))
		if !private(u, e) {
			b.WriteString(nbsp + ": «" + nnbsp + clip(oneLine(e.Subject), 120) + nnbsp + "»")
		}
		b.WriteString("\n  " + messageLink(base, e.ID) + "\n")
	}
	return subject, b.String()
}

// noticeMail is the e-mail of a security notice.
func noticeMail(n store.Notice, base string) (subject, body string) {
	subject = "Bouclier" + nbsp + ": avis de sécurité sur votre compte"
	body = strings.ReplaceAll(n.Message, "'", "’") + "\n\nVos avis de sécurité et le bouton «" + nnbsp + "Ce n’était pas moi" + nnbsp +
		"» sont sur la page de votre compte" + nbsp + ": " + base + "/account\n"
	return subject, body
}

// UnsubscribePath is where the one-click unsubscribe link points.
const UnsubscribePath = "/notifications/unsubscribe"

// compose builds the RFC 5322 message of an outbox e-mail: UTF-8 in
// quoted-printable (relays without 8BITMIME pass it), marked as
// automatic (RFC 3834) and, for notifications, with the one-click
// unsubscribe headers of RFC 8058 and the same link in the text. The
// token is added here, at sending time, so that it is never stored.
func (s *Service) compose(m store.OutboxMail, now time.Time) ([]byte, error) {
	var id [12]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, err
	}
	if strings.ContainsAny(m.To, "\r\n<>") {
		return nil, fmt.Errorf("invalid address %q", m.To)
	}
	body := m.Body
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: Bouclier <%s>\r\n", s.cfg.From)
	fmt.Fprintf(&b, "To: <%s>\r\n", m.To)
	subject := strings.NewReplacer("\r", " ", "\n", " ").Replace(m.Subject) // keeps the no-break spaces
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", subject))
	fmt.Fprintf(&b, "Date: %s\r\n", now.UTC().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@bouclier>\r\n", hex.EncodeToString(id[:]))
	b.WriteString("Auto-Submitted: auto-generated\r\n")
	if m.Unsubscribe {
		u := s.UnsubscribeURL(m.UserID)
		fmt.Fprintf(&b, "List-Unsubscribe: <%s>\r\n", u)
		b.WriteString("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
		body += "\n-- \nRégler les notifications" + nbsp + ": " + s.cfg.BaseURL + "/account/notifications\n" +
			"Ne plus recevoir ces courriels" + nbsp + ": " + u + "\n"
	}
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(strings.ReplaceAll(body, "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	b.WriteString("\r\n")
	return b.Bytes(), nil
}
