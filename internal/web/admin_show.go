package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/textfold"
)

// admin wraps a handler for heads and administrators: anyone else gets
// 403. The services check authority over each scope again.
func (h *handler) admin(f authedFunc) http.Handler {
	return h.authed(func(w http.ResponseWriter, r *http.Request, s auth.Session) {
		if !isAdmin(s.User.Role) {
			h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrForbidden,
				"Cette page est réservée aux chefs d’établissement et aux administrateurs."))
			return
		}
		f(w, r, s)
	})
}

// adminShow is the administration home: what awaits a decision in the
// scope, and the tools.
func (h *handler) adminShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	p := h.newPage(r.Context(), &s, "Administration", "admin")
	p.Data = struct {
		Scope     string
		Incidents bool
		Pending   []pendingLink
	}{h.scopeTitle(r.Context(), s.User.Scope()), h.d.Campaign != nil, h.pendingLinks(r, s)}
	h.render(w, http.StatusOK, "admin", p)
}

// pendingLink is one count on the administration home, linking to where
// it is dealt with.
type pendingLink struct {
	Label string
	Href  string
	Any   bool
}

// pendingLinks counts what awaits the administrator in their scope
// (moderation.Pending decides the scope). The home is the way to the
// tools: when the counts fail, it shows none rather than failing.
func (h *handler) pendingLinks(r *http.Request, s auth.Session) []pendingLink {
	if h.d.Moderation == nil {
		return nil
	}
	c, err := h.d.Moderation.Pending(r.Context(), modActor(r, s))
	if err != nil {
		h.d.Log.Warn("admin home: pending counts", "user", s.User.Username, "err", err)
		return nil
	}
	out := []pendingLink{
		{countLabel(c.Held, "Aucun message retenu à vérifier", "message retenu à vérifier", "messages retenus à vérifier"), "/admin/moderation#retenus", c.Held > 0},
		{countLabel(c.Reports, "Aucun signalement ouvert", "signalement ouvert", "signalements ouverts"), "/admin/moderation#signalements", c.Reports > 0},
	}
	if h.d.Campaign != nil {
		out = append(out, pendingLink{countLabel(c.Incidents, "Aucun incident ouvert", "incident ouvert", "incidents ouverts"), "/admin/incidents", c.Incidents > 0})
	}
	return out
}

// countLabel writes « Aucun … », « 1 … » or « 12 … » with the noun agreed
// and a non-breaking space after the number.
func countLabel(n int, none, one, many string) string {
	switch n {
	case 0:
		return none
	case 1:
		return "1\u00a0" + one
	}
	return frnum.Thousands(n) + "\u00a0" + many
}

// scopeTitle names an authority scope where it heads a page or a list:
// an establishment by its name (« Collège Jean Moulin (0780001A) »),
// otherwise as scopeName does (« Académie de Versailles »).
func (h *handler) scopeTitle(ctx context.Context, scope string) string {
	return h.scopeTitles(ctx)(scope)
}

// scopeTitles is scopeTitle for a list, looking each scope up once.
func (h *handler) scopeTitles(ctx context.Context) func(scope string) string {
	seen := map[string]string{}
	return func(scope string) string {
		if t, ok := seen[scope]; ok {
			return t
		}
		t := h.scopeName(ctx, scope)
		if uai, ok := strings.CutPrefix(scope, "establishment:"); ok && h.d.DB != nil {
			if e, err := h.d.DB.Establishment(ctx, uai); err == nil && e.Name != "" {
				t = e.Name + " (" + uai + ")"
			}
		}
		seen[scope] = t
		return t
	}
}

// scopeLabel names an administrative scope in French.
func scopeLabel(scope string) string {
	kind, id, _ := strings.Cut(scope, ":")
	switch kind {
	case "establishment":
		return "établissement " + id
	case "academie":
		return "académie " + id
	case "class":
		return "classe " + id
	}
	return "national"
}

// scopeOption is a scope an administrator may pick in a form.
type scopeOption struct {
	Value, Label string
	Selected     bool
}

// scopeOptions lists the scopes u administers, widest first: their own,
// and for administrators the académies and establishments below it.
func (h *handler) scopeOptions(ctx context.Context, u bouclier.User, selected string) []scopeOption {
	own := u.Scope()
	if selected == "" {
		selected = own
	}
	out := []scopeOption{{Value: own, Label: capitalize(h.scopeTitle(ctx, own))}}
	if h.d.DB == nil || u.Role == bouclier.RoleHead {
		out[0].Selected = true
		return out
	}
	if u.Role == bouclier.RoleNationalAdmin {
		if acs, err := h.d.DB.Academies(ctx); err == nil {
			for _, a := range acs {
				out = append(out, scopeOption{Value: "academie:" + a.ID, Label: academieLabel(a.Name)})
			}
		}
	}
	acad := u.Academie
	if u.Role == bouclier.RoleNationalAdmin {
		acad = ""
	}
	if es, err := h.d.DB.Establishments(ctx, acad); err == nil {
		// By name, as people look for them (the UAI after), not by code.
		slices.SortStableFunc(es, func(a, b bouclier.Establishment) int {
			return strings.Compare(textfold.Fold(a.Name), textfold.Fold(b.Name))
		})
		for _, e := range es {
			out = append(out, scopeOption{Value: "establishment:" + e.UAI, Label: e.Name + " (" + e.UAI + ")"})
		}
	}
	for i := range out {
		out[i].Selected = out[i].Value == selected
	}
	return out
}

// scopeGroup is a part of a scope selector: the user's own scope alone,
// then the académies and the establishments each under a heading with
// their count, so that a list of 400 establishments says what it is.
type scopeGroup struct {
	Label   string
	Options []scopeOption
}

// scopeGroups splits scopeOptions' list into its groups.
func scopeGroups(opts []scopeOption) []scopeGroup {
	var own, acs, es []scopeOption
	for i, o := range opts {
		switch {
		case i == 0:
			own = append(own, o)
		case strings.HasPrefix(o.Value, "academie:"):
			acs = append(acs, o)
		default:
			es = append(es, o)
		}
	}
	out := []scopeGroup{{Options: own}}
	if len(acs) > 0 {
		out = append(out, scopeGroup{"Académies (" + frnum.Thousands(len(acs)) + ")", acs})
	}
	if len(es) > 0 {
		out = append(out, scopeGroup{"Établissements (" + frnum.Thousands(len(es)) + ")", es})
	}
	return out
}

// Role choices for suspensions and resets, in the directory's order.
var roleChoices = []bouclier.Role{bouclier.RoleStudent, bouclier.RoleParent, bouclier.RoleTeacher, bouclier.RoleStaff,
	bouclier.RoleHead, bouclier.RoleAcademyAdmin}

// actorOf is the actor of a request made with session s: the services
// check its session, factor and authority themselves.
func actorOf(r *http.Request, s auth.Session) bouclier.Actor {
	return auth.ActorFor(s, clientOf(r))
}

func rulesActor(r *http.Request, s auth.Session) bouclier.Actor {
	return actorOf(r, s)
}

func modActor(r *http.Request, s auth.Session) bouclier.Actor {
	return actorOf(r, s)
}

// back redirects to a page of the site after an action, with a flash
// message key (see flashes).
func back(w http.ResponseWriter, r *http.Request, path, flash string) {
	http.Redirect(w, r, path+"?ok="+flash, http.StatusSeeOther)
}

// adminFlashes are the confirmations shown after an action (?ok=KEY); a fixed
// list, so a link cannot make the page say anything else.
var adminFlashes = map[string]string{
	"preset":               "Les règles ont été remplacées par le modèle choisi.",
	"suspendu":             "Suspension enregistrée\u00a0: elle s’applique immédiatement.",
	"leve":                 "Suspension levée.",
	"levees":               "Suspensions levées\u00a0: les messages circulent de nouveau dans ces établissements.",
	"incidentdejasuspendu": "L’envoi était déjà suspendu dans les établissements de l’incident\u00a0: rien n’a changé.",
	"libere":               "Message libéré\u00a0: il a été distribué à ses destinataires.",
	"refuse":               "Message refusé.",
	"copies":               "Toutes les copies retenues de ce texte ont été refusées.",
	"verrouille":           "Message refusé et compte de l’expéditeur verrouillé.",
	"rappele":              "Message rappelé\u00a0: il a disparu de toutes les boîtes.",
	"classe":               "Signalement classé sans suite.",
	"clos":                 "Incident clos.",
	"incidentrappel":       "Les messages de l’incident ont été rappelés.",
	"incidentsuspendu":     "L’envoi est suspendu dans les établissements de l’incident.",
	"incidentconfine":      "Les comptes de l’incident sont en lecture seule et leurs sessions fermées.",
	"incidentdejaconfine":  "Aucun compte n’a changé\u00a0: ceux de l’incident sont déjà en lecture seule, ou sont des personnels à verrouiller depuis leur page de compte.",
	"motdepasse":           "Mot de passe changé. Vos autres sessions ont été fermées.",
	"totp":                 "Application d’authentification retirée.",
	"cle":                  "Clé d’accès enregistrée.",
	"cleretiree":           "Clé d’accès retirée.",
	"session":              "Session fermée.",
	"sessions":             "Toutes vos autres sessions ont été fermées.",
	"consignes":            "Merci\u00a0: les consignes de sécurité sont confirmées.",
}

// flash fills p.Flash from ?ok=.
func flash(p *page, r *http.Request) {
	if m, ok := adminFlashes[r.URL.Query().Get("ok")]; ok {
		p.Flash = m
	}
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// academieLabel names an académie once: « Académie de Versailles », not
// « Académie Académie de Versailles » when the directory has the full name.
func academieLabel(name string) string {
	if strings.HasPrefix(strings.ToLower(name), "académie") {
		return name
	}
	return "Académie " + name
}
