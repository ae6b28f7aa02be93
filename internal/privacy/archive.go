package privacy

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/frdate"
	"github.com/bouclier/bouclier/internal/store"
)

// The files of the archive, each described in the README inside.
const (
	fileReadme    = "LISEZMOI.txt"
	fileAccount   = "compte.json"
	fileSent      = "messages-envoyes.json"
	fileReceived  = "messages-recus.json"
	fileDrafts    = "brouillons.json"
	fileSessions  = "sessions.json"
	fileDevices   = "navigateurs.json"
	fileNotices   = "avis-de-securite.json"
	fileAudit     = "journal.json"
	dirAttachment = "pieces-jointes/"
)

type archive struct {
	zw  *zip.Writer
	now time.Time
	n   int
}

func (z *archive) add(name string, data []byte) error {
	f, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.now})
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	z.n++
	return nil
}

func (z *archive) addJSON(name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return z.add(name, append(b, '\n'))
}

// ts formats a stored instant, "" for none.
func ts(micros int64) string {
	if micros == 0 {
		return ""
	}
	return time.UnixMicro(micros).UTC().Format(time.RFC3339)
}

// safeName makes a name chosen by someone (an attachment's, a username) a
// plain file name: letters, digits, dot, dash and underscore only, no
// leading dot, at most 100 bytes, never empty. No path can come out of it.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "_") {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r > 127 && utf8.RuneLen(r) > 0 && isLetter(r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := strings.TrimLeft(b.String(), ".")
	for len(out) > 100 {
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size]
	}
	if out == "" {
		out = "sans-nom"
	}
	return out
}

// isLetter accepts the accented Latin letters of French names.
func isLetter(r rune) bool {
	return (r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7)
}

var statusLabels = map[bouclier.MessageStatus]string{
	bouclier.StatusDelivered: "distribué", bouclier.StatusHeld: "en vérification",
	bouclier.StatusDeferred: "programmé", bouclier.StatusRejected: "non distribué",
}

type attachmentOut struct {
	Name   string `json:"nom"`
	Type   string `json:"type"`
	Size   int64  `json:"taille"`
	SHA256 string `json:"sha256"`
	File   string `json:"fichier"` // path in the archive
}

// attachments adds a message's attachments under pieces-jointes/ and
// describes them.
func (s *Service) attachments(ctx context.Context, z *archive, m bouclier.Message, dir string) ([]attachmentOut, error) {
	list, err := s.db.Attachments(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	out := []attachmentOut{}
	for i, a := range list {
		data, err := s.db.Blob(ctx, a.SHA256)
		if err != nil {
			return nil, fmt.Errorf("attachment %d: %w", a.ID, err)
		}
		name := fmt.Sprintf("%s%s%d-%d-%s", dirAttachment, dir, m.ID, i+1, safeName(a.Name))
		if err := z.add(name, data); err != nil {
			return nil, err
		}
		out = append(out, attachmentOut{Name: a.Name, Type: a.ContentType, Size: a.Size, SHA256: fmt.Sprintf("%x", a.SHA256), File: name})
	}
	return out, nil
}

// write writes u's archive and returns how many files it holds.
func (s *Service) write(ctx context.Context, u bouclier.User, now time.Time, w io.Writer) (int, error) {
	z := &archive{zw: zip.NewWriter(w), now: now.UTC()}
	if err := z.add(fileReadme, []byte(readme(u, now))); err != nil {
		return 0, err
	}

	acct := map[string]any{"identifiant": u.Username, "nom": u.DisplayName, "profil": string(u.Role), "academie": u.Academie,
		"etablissement": u.UAI, "classe": u.Class, "adresse_electronique": u.Email, "lecture_seule": u.ReadOnly, "desactive": u.Disabled}
	// Family links: a parent sees their children's names, a pupil their
	// parents' (both see them in the directory already).
	links := func(list []bouclier.User, err error) (any, error) {
		out := []map[string]string{}
		for _, x := range list {
			out = append(out, map[string]string{"identifiant": x.Username, "nom": x.DisplayName})
		}
		return out, err
	}
	var err error
	if acct["enfants"], err = links(s.db.Children(ctx, u.ID)); err != nil {
		return 0, err
	}
	if acct["parents"], err = links(s.db.Parents(ctx, u.ID)); err != nil {
		return 0, err
	}
	if err := z.addJSON(fileAccount, acct); err != nil {
		return 0, err
	}

	sent, err := s.db.SentMessages(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	sentOut := []map[string]any{}
	for _, m := range sent {
		atts, err := s.attachments(ctx, z, m, "envoyes/")
		if err != nil {
			return 0, err
		}
		sentOut = append(sentOut, map[string]any{"id": m.ID, "fil": m.ThreadID, "en_reponse_a": m.ParentID, "destinataires": m.To,
			"objet": m.Subject, "texte": m.Body, "envoye_le": ts(m.SentAt), "distribue_le": ts(m.DeliverAt),
			"etat": statusLabels[m.Status], "pieces_jointes": atts})
	}
	if err := z.addJSON(fileSent, sentOut); err != nil {
		return 0, err
	}

	recv, err := s.db.ReceivedMessages(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	recvOut := []map[string]any{}
	for _, e := range recv {
		atts, err := s.attachments(ctx, z, e.Message, "recus/")
		if err != nil {
			return 0, err
		}
		// The sender as the inbox shows them; not the other recipients.
		recvOut = append(recvOut, map[string]any{"id": e.ID, "fil": e.ThreadID, "de": e.Sender, "de_nom": e.SenderName,
			"de_profil": string(e.SenderRole), "objet": e.Subject, "texte": e.Body, "envoye_le": ts(e.SentAt), "lu": e.Read,
			"corbeille": e.Trashed, "pieces_jointes": atts})
	}
	if err := z.addJSON(fileReceived, recvOut); err != nil {
		return 0, err
	}

	drafts, err := s.db.Drafts(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	draftsOut := []map[string]any{}
	for _, d := range drafts {
		draftsOut = append(draftsOut, map[string]any{"id": d.ID, "destinataires": d.To, "objet": d.Subject, "texte": d.Body,
			"en_reponse_a": d.ParentID, "modifie_le": ts(d.UpdatedAt)})
	}
	if err := z.addJSON(fileDrafts, draftsOut); err != nil {
		return 0, err
	}

	sess, err := s.db.SessionsForEvidence(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	sessOut := []map[string]any{}
	for _, x := range sess {
		// No token or its hash: only what describes the connection.
		sessOut = append(sessOut, map[string]any{"id": x.PublicID, "ouverte_le": ts(x.CreatedAt), "derniere_activite": ts(x.LastSeen),
			"expire_le": ts(x.ExpiresAt), "adresse": x.Source, "navigateur": x.UserAgent, "second_facteur_le": ts(x.MFAAt),
			"fermee_le": ts(x.RevokedAt), "motif_de_fermeture": x.RevokeReason})
	}
	if err := z.addJSON(fileSessions, sessOut); err != nil {
		return 0, err
	}

	devs, err := s.db.DevicesForEvidence(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	devOut := []map[string]any{}
	for _, d := range devs {
		devOut = append(devOut, map[string]any{"reseau": d.Network, "navigateur": d.UAFamily, "premiere_connexion": ts(d.CreatedAt),
			"derniere_connexion": ts(d.LastSeen), "oublie_le": ts(d.RevokedAt), "motif": d.RevokeReason})
	}
	if err := z.addJSON(fileDevices, devOut); err != nil {
		return 0, err
	}

	notices, err := s.db.Notices(ctx, u.ID, 1<<30)
	if err != nil {
		return 0, err
	}
	noticeOut := []map[string]any{}
	for _, n := range notices {
		noticeOut = append(noticeOut, map[string]any{"type": n.Kind, "message": n.Message, "adresse": n.Source, "navigateur": n.UserAgent,
			"le": ts(n.CreatedAt), "lu_le": ts(n.ReadAt)})
	}
	if err := z.addJSON(fileNotices, noticeOut); err != nil {
		return 0, err
	}

	entries, err := s.db.AuditFor(ctx, u.Username, 0)
	if err != nil {
		return 0, err
	}
	auditOut := []map[string]any{}
	for _, e := range entries {
		auditOut = append(auditOut, auditView(u, e))
	}
	if err := z.addJSON(fileAudit, auditOut); err != nil {
		return 0, err
	}
	if err := z.zw.Close(); err != nil {
		return 0, err
	}
	return z.n, nil
}

// auditView is an audit entry as the person sees it. Their own actions
// come whole, but for the screen's reasons; an action of someone else on
// their account names only what was done and when: who did it (beyond
// « système » or « administration »), from which address and with which
// details are that other person's data.
func auditView(u bouclier.User, e store.AuditRow) map[string]any {
	out := map[string]any{"le": ts(e.At), "action": e.Action, "objet": e.Target}
	if e.Actor == u.Username {
		detail, _, _ := strings.Cut(e.Detail, " reasons=")
		out["par"], out["adresse"], out["detail"] = "vous", e.Source, detail
		return out
	}
	if e.Actor == "system" || strings.HasPrefix(e.Actor, "system:") {
		out["par"] = "système"
	} else {
		out["par"] = "administration"
	}
	return out
}

// readme is the archive's LISEZMOI.txt, in French.
func readme(u bouclier.User, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bouclier — vos données personnelles\r\n\r\n")
	fmt.Fprintf(&b, "Compte\u00a0: %s (%s)\r\nArchive produite le %s (UTC).\r\n\r\n", u.Username, u.DisplayName, frdate.DateTime(now.UTC()))
	b.WriteString("Cette archive rassemble les données que Bouclier conserve sur votre compte, au titre de votre droit d’accès " +
		"(article 15 du RGPD). Les fichiers sont au format JSON (texte lisible, dates en UTC).\r\n\r\n")
	for _, f := range [][2]string{
		{fileAccount, "votre compte\u00a0: identifiant, nom, profil, établissement, classe, adresse électronique, liens familiaux\u202f;"},
		{fileSent, "les messages que vous avez envoyés, avec les destinataires que vous aviez indiqués\u202f;"},
		{fileReceived, "les messages que vous avez reçus, avec le nom de leur expéditeur (les autres destinataires n’y figurent pas)\u202f;"},
		{fileDrafts, "vos brouillons\u202f;"},
		{fileSessions, "vos connexions\u00a0: dates, adresse IP, navigateur\u202f;"},
		{fileDevices, "les navigateurs reconnus pour votre compte\u202f;"},
		{fileNotices, "les avis de sécurité qui vous ont été adressés\u202f;"},
		{fileAudit, "les entrées du journal d’audit qui vous concernent (pour les actions d’un tiers sur votre compte, seuls la date, l’action et son objet figurent)\u202f;"},
		{dirAttachment, "les pièces jointes de ces messages."},
	} {
		fmt.Fprintf(&b, "- %s\u00a0: %s\r\n", f[0], f[1])
	}
	b.WriteString("\r\nDurées de conservation\u00a0: les messages jusqu’à la fin de l’année scolaire suivant leur envoi, les journaux de " +
		"connexion un an, les comptes fermés trois mois\u202f; sauf conservation au titre de la preuve (incident en cours, réquisition).\r\n" +
		"Pour faire rectifier ou effacer des données, adressez-vous au chef d’établissement ou au délégué à la protection des données " +
		"de votre académie. Voir la page «\u00a0Données personnelles\u00a0» de Bouclier.\r\n")
	return b.String()
}
