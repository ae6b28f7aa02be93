package web

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
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
		p := h.newPage(r.Context(), &s, "Réinitialiser les comptes", "admin")
		p.Error = "Cochez la case de confirmation\u00a0: la réinitialisation ferme toutes les sessions des comptes concernés."
		p.Data = resetData{Scopes: h.scopeOptions(r.Context(), s.User, r.PostFormValue("scope")), Roles: roleOptions(r.PostForm["roles"])}
		h.render(w, http.StatusUnprocessableEntity, "resets", p)
		return
	}
	res, err := h.d.Auth.MassReset(r.Context(), actorOf(r, s), r.PostFormValue("scope"), r.PostForm["roles"])
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
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
