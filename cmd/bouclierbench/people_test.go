package main

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/demo"
)

// TestBenchPeople: the bench's class is an import file of pupils named as
// the demo names people, each name distinct, none « Élève n ».
func TestBenchPeople(t *testing.T) {
	rows, err := csv.NewReader(strings.NewReader(benchPeople(30))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 31 || strings.Join(rows[0], ",") != "username,display_name,role,academie,uai,class,email" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	seen := map[string]bool{}
	for i, r := range rows[1:] {
		name := r[1]
		if name != demo.PersonName(i) || strings.HasPrefix(name, "Élève") || seen[name] || r[2] != "student" {
			t.Errorf("row %d: %q", i, r)
		}
		seen[name] = true
	}
}
