package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/textfold"
)

// The recipient picker scales with search, not with a list: a teacher
// with six classes may reach 500 people, an académie officer thousands of
// groups. The form shows the chosen recipients, the groups when they are
// few, and what a search found; with JavaScript the search field becomes
// a combobox fed by recipientSearch.
const (
	maxGroupsShown = 40 // above, groups are found by search like people
	maxFound       = 50 // results shown by the form's own search
	maxSuggested   = 20 // suggestions per keystroke
)

// matcher reports whether an option matches every word of q.
func matcher(q string) func(directory.Option) bool {
	words := strings.Fields(textfold.Fold(q))
	return func(o directory.Option) bool {
		if len(words) == 0 {
			return false
		}
		text := textfold.Fold(o.Label + " " + o.Expr)
		for _, w := range words {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	}
}

// searchOptions returns up to limit options matching q, groups first,
// leaving out those in skip.
func searchOptions(opts []directory.Option, q string, skip []string, limit int) (found []directory.Option, more bool) {
	match := matcher(q)
	for _, group := range []bool{true, false} {
		for _, o := range opts {
			if o.Group != group || slices.Contains(skip, o.Expr) || !match(o) {
				continue
			}
			if len(found) == limit {
				return found, true
			}
			found = append(found, o)
		}
	}
	return found, false
}

type suggestion struct {
	Expr  string `json:"expr"`
	Label string `json:"label"`
	Group bool   `json:"group"`
}

// optionLabel is a recipient as the picker offers it: its label, and when
// it will not receive now, when it will (« Élèves de 4A (ne peuvent pas
// recevoir de messages en ce moment) »).
func optionLabel(o directory.Option) string {
	if o.Note == "" {
		return o.Label
	}
	return o.Label + " (" + o.Note + ")"
}

// recipientSearch answers the combobox: GET /compose/destinataires?q=…
// gives the first reachable recipients matching q, as JSON. It offers
// only what Messaging.Reachable allows, like the form.
func (h *handler) recipientSearch(w http.ResponseWriter, r *http.Request, s auth.Session) {
	q := r.URL.Query().Get("q")
	if len([]rune(q)) > 100 {
		q = string([]rune(q)[:100])
	}
	opts, err := h.d.Messaging.Reachable(r.Context(), s.User)
	if err != nil {
		jsonError(w, err)
		return
	}
	found, more := searchOptions(opts, q, r.URL.Query()["choisi"], maxSuggested)
	out := struct {
		Results []suggestion `json:"results"`
		More    bool         `json:"more"`
	}{Results: []suggestion{}, More: more}
	for _, o := range found {
		out.Results = append(out.Results, suggestion{Expr: o.Expr, Label: optionLabel(o), Group: o.Group})
	}
	writeJSON(w, http.StatusOK, out)
}
