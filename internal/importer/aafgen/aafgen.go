// Package aafgen writes synthetic AAF complete exports of any size, as a
// stream, for tests and measurements of the directory import (a real
// académie's export is hundreds of megabytes; none is committed). The
// importer's tests stream it through a pipe; see TestImportGeneratedAAF.
package aafgen

import (
	"bufio"
	"fmt"
	"io"
)

// Options shape an export.
type Options struct {
	People   int    // about this many persons (pupils, parents, personnel)
	Academie string // ENTServAcAcademie of every establishment
}

// Per 1,000 people: one establishment with 500 pupils in 20 classes, 400
// parents (a pupil in five shares its parents with a sibling) and 100
// personnel (a head, a CPE, 98 teachers of five classes each).
const (
	perSchool  = 1000
	pupils     = 500
	classes    = 20
	personnel  = 100
	parentsPer = 400
)

// Write writes one complete export holding every kind of entry.
func Write(w io.Writer, o Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if o.Academie == "" {
		o.Academie = "VERSAILLES"
	}
	schools := max(1, (o.People+perSchool-1)/perSchool)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n")
	for s := range schools {
		p(`<addRequest><operationalAttributes><attr name="categorieStructure"><value>EtabEducNat</value></attr></operationalAttributes>
<identifier><id>S%d</id></identifier><attributes>
<attr name="ENTStructureUAI"><value>%07dZ</value></attr>
<attr name="ENTStructureNomCourant"><value>Collège numéro %d</value></attr>
<attr name="ENTServAcAcademie"><value>%s</value></attr>
</attributes></addRequest>
`, s, s, s, o.Academie)
	}
	person := func(id, category, given, family string, body string) {
		p(`<addRequest><operationalAttributes><attr name="categoriePersonne"><value>%s</value></attr></operationalAttributes>
<identifier><id>%s</id></identifier><attributes>
<attr name="ENTPersonJointure"><value>%s</value></attr>
<attr name="sn"><value>%s</value></attr><attr name="givenName"><value>%s</value></attr>
%s</attributes></addRequest>
`, category, id, id, family, given, body)
	}
	for s := range schools {
		for i := range parentsPer {
			person(fmt.Sprintf("R%d-%d", s, i), "PersRelEleve", fmt.Sprintf("Parent%d", i), fmt.Sprintf("FAMILLE%d", s), "")
		}
		for i := range pupils {
			// Pupils 0..399 have parent i; pupils 400..499 share the
			// parents of pupil i-400 and i-300 (siblings).
			par := fmt.Sprintf("<value>R%d-%d</value>", s, i%parentsPer)
			if i >= parentsPer {
				par += fmt.Sprintf("<value>R%d-%d</value>", s, (i-300)%parentsPer)
			}
			person(fmt.Sprintf("E%d-%d", s, i), "Eleve", fmt.Sprintf("Élève%d", i), fmt.Sprintf("FAMILLE%d", s),
				fmt.Sprintf(`<attr name="ENTPersonStructRattach"><value>S%d</value></attr>
<attr name="ENTEleveClasses"><value>S%d$%dE %d</value></attr>
<attr name="ENTEleveAutoriteParentale">%s</attr>
`, s, s, 6-i%4, i%classes, par))
		}
		for i := range personnel {
			fn := "ENS$ENSEIGNEMENT$L0202$MATHEMATIQUES"
			switch i {
			case 0:
				fn = "DIR$DIRECTION$D0010$CHEF D'ETABLISSEMENT"
			case 1:
				fn = "EDU$EDUCATION$E0030$CPE"
			}
			body := fmt.Sprintf(`<attr name="ENTPersonStructRattach"><value>S%d</value></attr>
<attr name="ENTPersonFonctions"><value>S%d$%s</value></attr>
`, s, s, fn)
			if i > 1 {
				body += `<attr name="ENTAuxEnsClassesMatieres">`
				for c := range 5 {
					k := (i + c*4) % classes
					body += fmt.Sprintf("<value>S%d$%dE %d$MATHEMATIQUES</value>", s, 6-k%4, k)
				}
				body += "</attr>\n"
			}
			person(fmt.Sprintf("P%d-%d", s, i), "PersEducNat", fmt.Sprintf("Prof%d", i), fmt.Sprintf("NOM%d", s), body)
		}
	}
	p("</ficAlimMENESR>\n")
	return bw.Flush()
}
