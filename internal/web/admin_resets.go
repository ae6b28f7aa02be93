package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
)

// resetData is the mass-reset form.
type resetData struct {
	Scopes []scopeOption
	Roles  []roleOption
}

// resetShow shows the mass-reset form ("réinitialiser les comptes").
func (h *handler) resetShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	p := h.newPage(r.Context(), &s, "Réinitialiser les comptes", "admin")
	p.Data = resetData{Scopes: h.scopeOptions(r.Context(), s.User, ""), Roles: roleOptions(nil)}
	h.render(w, http.StatusOK, "resets", p)
}

// resetCreate resets the accounts of a scope and roles (Auth.MassReset)
// and answers the activation codes at once, as the CSV, the printable PDF
// letters, or both in a ZIP: the codes are stored nowhere else.
func (h *handler) resetCreate(w http.ResponseWriter, r *http.Request, s auth.Session) {
	format := r.PostFormValue("format")
	if format != "zip" && format != "csv" && format != "pdf" {
		format = "zip"
	}
	if r.PostFormValue("confirm") != "1" {
		h.resetConfirm(w, r, s)
		return
	}
	res, err := h.d.Auth.MassReset(r.Context(), actorOf(r, s), r.PostFormValue("scope"), r.PostForm["roles"])
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	h.resetDownload(w, r, s, res, format)
}

// resetDownload answers a reset's activation codes as format: the CSV, the
// printable PDF letters, or both in a ZIP (with the note for the identity
// providers' operators, which forces the ZIP).
func (h *handler) resetDownload(w http.ResponseWriter, r *http.Request, s auth.Session, res auth.ResetResult, format string) {
	name := "reinitialisation-" + strconv.FormatInt(res.ID, 10)
	files := []resetFile{{name + "-codes.csv", auth.LettersCSV(res)}, {name + "-lettres.pdf", auth.LettersPDF(res, h.d.PublicURL)}}
	if res.IdPNote != "" {
		// Accounts an identity provider vouches for got no code: what to
		// ask of its operator goes with the codes, whatever the format.
		format = "zip"
		files = append(files, resetFile{name + "-fournisseur-identite.txt", []byte(res.IdPNote + "\n")})
	}
	switch format {
	case "csv":
		download(w, "text/csv; charset=utf-8", name+".csv", auth.LettersCSV(res))
	case "pdf":
		download(w, "application/pdf", name+".pdf", auth.LettersPDF(res, h.d.PublicURL))
	default:
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range files {
			fw, err := zw.Create(f.name)
			if err == nil {
				_, err = fw.Write(f.data)
			}
			if err != nil {
				h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInternal, "archive: %v", err))
				return
			}
		}
		if err := zw.Close(); err != nil {
			h.fail(w, r, &s, err)
			return
		}
		download(w, "application/zip", name+".zip", buf.Bytes())
	}
}

type resetFile struct {
	name string
	data []byte
}

// resetConfirm shows what a mass reset would do, for the actor's scope
// only, and does nothing: the summary page posts the same form again with
// confirm=1 (confirm.go), and Auth.MassReset checks the actor then.
func (h *handler) resetConfirm(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	scope, roles := r.PostFormValue("scope"), r.PostForm["roles"]
	norm, err := auth.ParseScope(scope)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	// Refused before any figure is shown: the counts are not for them.
	if err := h.authority(ctx, s, norm); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	sum, err := h.resetSummary(ctx, s, norm, roles)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if sum.Accounts == 0 {
		p := h.newPage(ctx, &s, "Réinitialiser les comptes", "admin")
		p.fieldError("reset-scope", "Aucun compte à réinitialiser dans cette portée pour ces rôles.")
		p.Data = resetData{Scopes: h.scopeOptions(ctx, s.User, scope), Roles: roleOptions(roles)}
		h.render(w, http.StatusUnprocessableEntity, "resets", p)
		return
	}
	where := h.where(ctx, norm)
	d := confirmData{Button: "Réinitialiser et télécharger", Danger: true, Cancel: "/admin/resets"}
	d.Summary = []string{
		frnum.Count(sum.Accounts, "compte sera réinitialisé", "comptes seront réinitialisés") + " dans " + where + ", pour " + rolesPhrase(roles) + ", le vôtre excepté.",
		"Établissements concernés\u00a0: " + sum.Places + ".",
		"Toutes leurs sessions seront fermées et leurs seconds facteurs retirés, immédiatement.",
	}
	if codes := sum.Accounts - sum.SSO; codes > 0 {
		d.Summary = append(d.Summary, frnum.Count(codes, "code d’activation", "codes d’activation")+" à usage unique remplaceront les mots de passe\u00a0: ils ne seront montrés qu’une fois, dans le fichier téléchargé.")
	}
	if sum.SSO > 0 {
		d.Summary = append(d.Summary, frnum.Count(sum.SSO, "compte se connecte", "comptes se connectent")+
			" par un fournisseur d’identité\u00a0: pas de code pour eux, mais une note à transmettre à l’opérateur du fournisseur d’identité, jointe au fichier.")
	}
	h.confirmed(w, r, s, "Confirmer la réinitialisation", d)
}

// resetFigures is what a mass reset would touch.
type resetFigures struct {
	Accounts, SSO int
	Places        string // the establishments by name, the first ones
}

// resetSummary counts the accounts Auth.MassReset would reset, with the
// same selection (the actor's own and disabled accounts excepted).
func (h *handler) resetSummary(ctx context.Context, s auth.Session, scope string, roles []string) (resetFigures, error) {
	var f resetFigures
	if h.d.DB == nil {
		return f, bouclier.Errorf(bouclier.ErrInternal, "no store for the reset summary")
	}
	var rs []bouclier.Role
	for _, ro := range roles {
		role, err := bouclier.ParseRole(ro)
		if err != nil {
			return f, err
		}
		rs = append(rs, role)
	}
	users, err := h.d.DB.UsersInScope(ctx, scope, rs)
	if err != nil {
		return f, fmt.Errorf("users of %s: %w", scope, err)
	}
	uais := map[string]bool{}
	for _, u := range users {
		if u.ID == s.User.ID || u.Disabled {
			continue
		}
		f.Accounts++
		acct, err := h.d.DB.SSOAccount(ctx, u.ID)
		if err != nil {
			return f, fmt.Errorf("identity provider link of %s: %w", u.Username, err)
		}
		if acct.Linked && acct.LocalPasswordBy == "" {
			f.SSO++
		}
		if u.UAI != "" {
			uais[u.UAI] = true
		}
	}
	names := make([]string, 0, len(uais))
	for uai := range uais {
		name := uai
		if e, err := h.d.DB.Establishment(ctx, uai); err == nil && e.Name != "" {
			name = e.Name
		}
		names = append(names, name)
	}
	sort.Strings(names)
	const shown = 10
	switch {
	case len(names) == 0:
		f.Places = "aucun (comptes sans établissement)"
	case len(names) > shown:
		f.Places = frnum.Count(len(names), "établissement", "établissements") + ", dont " + strings.Join(names[:shown], ", ") + "…"
	default:
		f.Places = strings.Join(names, ", ")
	}
	return f, nil
}
