package notify

import (
	"html/template"
	"net"
	"net/http"

	"github.com/bouclier/bouclier"
)

// Handler serves the unsubscribe link, outside the browser pages' session
// and cross-site checks: RFC 8058 has the recipient's mail provider POST
// "List-Unsubscribe=One-Click" to the link, with no cookie and no form
// token. The token in the link is what authorises it; a wrong one gets
// 404. GET only shows a confirmation button, since mail scanners follow
// links.
//
//	GET  /notifications/unsubscribe?t=TOKEN  the confirmation page
//	POST /notifications/unsubscribe?t=TOKEN  notifications off (200)
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+UnsubscribePath, s.unsubscribeShow)
	mux.HandleFunc("POST "+UnsubscribePath, s.unsubscribeDo)
	return mux
}

var unsubscribePage = template.Must(template.New("u").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Notifications par courriel — Bouclier</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main>
<h1>Notifications par courriel</h1>
{{- if .Done}}
<p>C’est fait{{"\u202f"}}: vous ne recevrez plus de courriels de Bouclier sur vos messages. Les avis de sécurité sur votre compte vous parviendront toujours.</p>
<p>Vous pouvez les réactiver depuis la page «{{"\u202f"}}Mon compte{{"\u202f"}}» de Bouclier.</p>
{{- else if .Bad}}
<p>Ce lien de désabonnement n’est pas valide.</p>
{{- else}}
<p>Ne plus recevoir de courriels de Bouclier sur vos nouveaux messages{{"\u202f"}}?</p>
<form method="post" action="{{.Action}}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Me désabonner</button>
</form>
{{- end}}
</main></body></html>
`))

type unsubscribeData struct {
	Done, Bad bool
	Action    string
}

func (s *Service) unsubscribeShow(w http.ResponseWriter, r *http.Request) {
	tok := r.URL.Query().Get("t")
	if _, ok := s.userOfToken(tok); !ok {
		s.page(w, http.StatusNotFound, unsubscribeData{Bad: true})
		return
	}
	s.page(w, http.StatusOK, unsubscribeData{Action: UnsubscribePath + "?t=" + tok})
}

func (s *Service) unsubscribeDo(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	_ = r.ParseForm()
	source, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		source = r.RemoteAddr
	}
	if err := s.Unsubscribe(r.Context(), r.URL.Query().Get("t"), source); err != nil {
		if bouclier.ErrorCode(err) == bouclier.ErrNotFound {
			s.page(w, http.StatusNotFound, unsubscribeData{Bad: true})
			return
		}
		s.log.Error("unsubscribe", "err", err)
		http.Error(w, "Erreur interne. Réessayez plus tard.", http.StatusInternalServerError)
		return
	}
	s.page(w, http.StatusOK, unsubscribeData{Done: true})
}

func (s *Service) page(w http.ResponseWriter, status int, d unsubscribeData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := unsubscribePage.Execute(w, d); err != nil {
		s.log.Warn("unsubscribe page", "err", err)
	}
}
