package importer

import (
	"fmt"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/textfold"
)

// How AAF entries become directory records.
//
// Kinds of entries, from categoriePersonne / categorieStructure (the AAF's
// object classes are accepted too):
//
//	EtabEducNat  (ENTEtablissement)   establishment: ENTStructureUAI, ENTStructureNomCourant,
//	                                  ENTServAcAcademie, ENTStructureClasses (CODE$LABEL)
//	Eleve        (ENTEleve)           pupil: ENTEleveClasses (STRUCT$CLASS), ENTEleveAutoriteParentale
//	PersRelEleve (ENTPersRelEleve)    parent; attached to the establishment of the pupils it has authority over
//	PersEducNat  (ENTAuxEnseignant,   teacher, head or staff from ENTPersonFonctions (STRUCT$CODE$LABEL…):
//	              ENTAuxNonEnsEtab)   DIR → head, ENS → teacher, others → staff;
//	                                  ENTAuxEnsClassesMatieres (STRUCT$CLASS$SUBJECT)
//
// Every person: identifier/id (the joint key, as ENTPersonJointure),
// givenName, sn, mail, personalTitle (M., Mme, Mlle read as Mme; other
// values as unknown), ENTPersonStructRattach (STRUCT, the establishment's
// joint key). A deleteRequest closes the account.

type aafCategory int

const (
	aafUnknown aafCategory = iota
	aafStructure
	aafPupil
	aafParent
	aafPersonnel
	aafNonTeaching
)

func categorize(c string) aafCategory {
	k := strings.NewReplacer(" ", "", "-", "", "_", "").Replace(textfold.Fold(c))
	switch {
	case k == "etabeducnat" || k == "entetablissement" || k == "etablissement" || k == "entstructure":
		return aafStructure
	case k == "eleve" || k == "enteleve":
		return aafPupil
	case k == "persreleleve" || k == "entpersreleleve":
		return aafParent
	case strings.HasPrefix(k, "nonenseignant") || strings.HasPrefix(k, "entauxnonens") || k == "persnonens":
		return aafNonTeaching
	case k == "perseducnat" || k == "entauxenseignant" || k == "enseignant" || k == "entauxpersonnel":
		return aafPersonnel
	}
	return aafUnknown
}

// academieID maps ENTServAcAcademie (« VERSAILLES », « ACADEMIE DE
// VERSAILLES », « ac-versailles ») to an académie identifier.
func academieID(s string) string {
	id := sanitize(s, '-', false, 64)
	for _, p := range []string{"academie-de-", "academie-d-", "ac-"} {
		if rest, ok := strings.CutPrefix(id, p); ok && rest != "" {
			return rest
		}
	}
	return id
}

// aafMapper turns AAF entries into records.
type aafMapper struct {
	academie string // académie of establishments that do not name theirs
	emit     func(record) error
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// split cuts an AAF compound value STRUCT$A$B… into its parts.
func split(v string) []string { return strings.Split(v, "$") }

func (m *aafMapper) entry(e aafEntry) error {
	bad := func(format string, args ...any) error {
		return &RowError{Pos: e.Pos, Entry: e.ID, Reason: fmt.Sprintf(format, args...)}
	}
	if !bouclier.ValidName(e.ID) {
		return bad("identifiant invalide %q", e.ID)
	}
	cat := categorize(e.Category)
	for _, oc := range e.Attrs["objectClass"] {
		if cat != aafUnknown {
			break
		}
		cat = categorize(oc) // exports that name the kind by object class only
	}
	attrs := e.Attrs
	modes, removed := map[string]string{}, map[string][]string{}
	if e.Op == "modify" {
		attrs = map[string][]string{}
		for _, mod := range e.Mods {
			// A delete clears a single-valued attribute (givenName, mail…)
			// and removes its values from a set (parents, classes taught):
			// sets read their values from removed.
			if mod.Op == "delete" {
				attrs[mod.Name] = nil
				removed[mod.Name] = append(removed[mod.Name], mod.Values...)
			} else {
				attrs[mod.Name] = append(attrs[mod.Name], mod.Values...)
			}
			modes[mod.Name] = mod.Op
		}
	}
	switch {
	case cat == aafStructure && e.Op == "delete":
		return bad("la suppression d’un établissement n’est pas prise en charge\u00a0: fermez ses comptes un par un")
	case cat == aafStructure:
		return m.structure(e, attrs, bad)
	case e.Op == "delete":
		return m.emit(record{Kind: kClose, Pos: e.Pos, Entry: e.ID, Key: extKey(e.ID), Ext: e.ID})
	case cat == aafUnknown && e.Op == "add":
		if e.Category == "" {
			return bad("catégorie absente (categoriePersonne)")
		}
		return bad("catégorie inconnue %q", e.Category)
	}
	return m.person(e, cat, attrs, modes, removed, bad)
}

func (m *aafMapper) structure(e aafEntry, attrs map[string][]string, bad func(string, ...any) error) error {
	uai := first(attrs["ENTStructureUAI"])
	if uai == "" {
		uai = first(attrs["ENTEtablissementUAI"])
	}
	name := first(attrs["ENTStructureNomCourant"])
	if uai == "" || name == "" {
		return bad("établissement sans UAI (ENTStructureUAI) ou sans nom (ENTStructureNomCourant)")
	}
	if !bouclier.ValidName(uai) {
		return bad("UAI invalide %q", uai)
	}
	aca := m.academie
	if a := first(attrs["ENTServAcAcademie"]); a != "" && aca == "" {
		aca = academieID(a)
	}
	if aca == "" {
		return bad("académie absente (ENTServAcAcademie)\u00a0: donnez-la avec --academie")
	}
	if err := m.emit(record{Kind: kStructure, Pos: e.Pos, Entry: e.ID, Key: e.ID, UAI: uai}); err != nil {
		return err
	}
	if err := m.emit(record{Kind: kEstablishment, Pos: e.Pos, Entry: e.ID, Key: uai, UAI: uai, Name: name, Academie: aca, Ext: e.ID}); err != nil {
		return err
	}
	for _, v := range attrs["ENTStructureClasses"] {
		code := classCode(split(v)[0])
		if code == "" {
			return bad("code de classe invalide %q", v)
		}
		if err := m.emit(record{Kind: kClass, Pos: e.Pos, Entry: e.ID, Key: uai + "/" + code, UAI: uai, Class: code}); err != nil {
			return err
		}
	}
	return nil
}

// classCode maps an AAF class code (« 1TES 2 ») to a Bouclier one
// (« 1TES_2 »).
func classCode(s string) string { return sanitize(s, '_', true, 64) }

func (m *aafMapper) person(e aafEntry, cat aafCategory, attrs map[string][]string, modes map[string]string, removed map[string][]string, bad func(string, ...any) error) error {
	r := record{Kind: kPerson, Pos: e.Pos, Entry: e.ID, Key: extKey(e.ID), Ext: e.ID, Op: "put"}
	if e.Op == "modify" {
		r.Op = "modify"
	}
	given, hasGiven := attrs["givenName"]
	family, hasFamily := attrs["sn"]
	if !hasFamily {
		family, hasFamily = attrs["ENTPersonNom"]
	}
	switch {
	case hasGiven && hasFamily:
		r.Given, r.Family = first(given), first(family)
		r.Fields = append(r.Fields, "name")
		if r.Given == "" && r.Family == "" {
			return bad("nom et prénom vides (givenName, sn)")
		}
	case hasGiven || hasFamily || r.Op == "put":
		return bad("le prénom (givenName) et le nom (sn) vont ensemble")
	}
	if v, ok := attrs["mail"]; ok {
		r.Email = first(v)
		r.Fields = append(r.Fields, "email")
	}
	if v, ok := attrs["personalTitle"]; ok || r.Op == "put" {
		// The national feed: a title we cannot read (not M., Mme or
		// Mlle) leaves the person without a civility rather than stop
		// the académie's import; the civility is a courtesy.
		c, _ := civility(first(v))
		r.Civility = &c
	}
	structs := attrs["ENTPersonStructRattach"]
	if len(structs) == 0 {
		structs = attrs["ENTEleveStructRattachId"]
	}
	if len(structs) > 0 {
		r.Struct = structs[0]
		r.Fields = append(r.Fields, "struct")
	}
	switch cat {
	case aafPupil:
		r.Role = string(bouclier.RoleStudent)
		if cls, ok := attrs["ENTEleveClasses"]; ok || r.Op == "put" {
			if len(cls) == 0 {
				return bad("élève sans classe (ENTEleveClasses)")
			}
			p := split(cls[0])
			if len(p) < 2 || p[0] == "" {
				return bad("classe %q\u00a0: attendu STRUCTURE$CLASSE", cls[0])
			}
			// A pupil belongs to the establishment of its class.
			if !r.has("struct") || r.Op == "modify" && r.Struct == "" {
				r.Fields = append(r.Fields, "struct")
			}
			r.Struct = p[0]
			if r.Class = classCode(p[1]); r.Class == "" {
				return bad("code de classe invalide %q", p[1])
			}
			r.Fields = append(r.Fields, "class")
		}
	case aafParent:
		r.Role = string(bouclier.RoleParent)
	case aafPersonnel, aafNonTeaching, aafUnknown:
		fns, ok := attrs["ENTPersonFonctions"]
		if ok || r.Op == "put" {
			role, funcs := personnelRole(cat, fns, attrs["PersEducNatPresenceDevantEleves"])
			r.Role, r.Func = string(role), funcs
			r.Fields = append(r.Fields, "functions")
		}
	}
	if r.Role != "" && (cat != aafUnknown || r.has("functions")) {
		r.Fields = append(r.Fields, "role")
	}
	if r.Op == "put" && r.Struct == "" && cat != aafParent {
		return bad("rattachement absent (ENTPersonStructRattach)")
	}
	if err := m.emit(r); err != nil {
		return err
	}
	if v, ok := attrs["ENTEleveAutoriteParentale"]; ok || cat == aafPupil && r.Op == "put" {
		mode := setMode(modes["ENTEleveAutoriteParentale"])
		if mode == "delete" {
			v = removed["ENTEleveAutoriteParentale"]
		}
		if err := m.emit(record{Kind: kParents, Pos: e.Pos, Entry: e.ID, Key: extKey(e.ID), Child: e.ID, Op: mode, Items: v}); err != nil {
			return err
		}
	}
	key := "ENTAuxEnsClassesMatieres"
	items, ok := attrs[key]
	if !ok {
		key = "ENTAuxEnsClasses"
		items, ok = attrs[key]
	}
	if ok || r.Role == string(bouclier.RoleTeacher) && r.Op == "put" {
		if setMode(modes[key]) == "delete" {
			items = removed[key]
		}
		for _, it := range items {
			if p := split(it); len(p) < 2 || p[0] == "" || classCode(p[1]) == "" {
				return bad("classe enseignée %q\u00a0: attendu STRUCTURE$CLASSE$MATIÈRE", it)
			}
		}
		if err := m.emit(record{Kind: kTeachings, Pos: e.Pos, Entry: e.ID, Key: extKey(e.ID), Teacher: e.ID, Op: setMode(modes[key]), Items: items}); err != nil {
			return err
		}
	}
	return nil
}

func setMode(op string) string {
	if op == "add" || op == "delete" {
		return op
	}
	return "replace"
}

// personnelRole maps ENTPersonFonctions (STRUCT$CODE$LABEL[$…]) to a role:
// direction (DIR) is head, teaching (ENS) is teacher, any other function is
// staff. Without functions, PersEducNatPresenceDevantEleves O means a
// teacher. It also returns the functions as CODE:LABEL, comma-separated.
func personnelRole(cat aafCategory, fns, presence []string) (bouclier.Role, string) {
	role := bouclier.RoleStaff
	if cat == aafPersonnel && first(presence) == "O" {
		role = bouclier.RoleTeacher
	}
	var labels []string
	hasDir, hasEns, hasOther := false, false, false
	for _, f := range fns {
		p := split(f)
		if len(p) < 2 {
			continue
		}
		code := strings.ToUpper(strings.TrimSpace(p[1]))
		label := code
		if len(p) > 2 && p[2] != "" {
			label = code + ":" + p[2]
		}
		labels = append(labels, label)
		switch code {
		case "DIR":
			hasDir = true
		case "ENS":
			hasEns = true
		default:
			hasOther = true
		}
	}
	switch {
	case hasDir:
		role = bouclier.RoleHead
	case hasEns:
		role = bouclier.RoleTeacher
	case hasOther:
		role = bouclier.RoleStaff
	}
	return role, strings.Join(labels, ",")
}
