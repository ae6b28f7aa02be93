package store

import (
	"context"
	"errors"
	"fmt"
)

// Child is a parent's child as others see it: name and class.
type Child struct {
	Name, Class string
}

// Affiliation is who a person is to the others: a parent's children, the
// classes a teacher teaches, and their civility (« M. », « Mme »), which
// a message's sender fields do not carry.
type Affiliation struct {
	Children []Child
	Classes  []string
	Civility string
}

// Affiliations returns the affiliations of the given users, in three
// queries whatever their number. Users with none are absent.
func (db *DB) Affiliations(ctx context.Context, ids []int64) (map[int64]Affiliation, error) {
	out := map[int64]Affiliation{}
	if len(ids) == 0 {
		return out, nil
	}
	set, arg := db.idArray(ids)
	rows, err := db.query(ctx, `SELECT pl.parent_id, COALESCE(c.display_name, ''), c.username, COALESCE(c.class_code, '')
		FROM parent_links pl JOIN users c ON c.id = pl.child_id
		WHERE pl.parent_id IN (`+set+`) ORDER BY pl.parent_id, c.display_name, c.username`, arg)
	if err != nil {
		return nil, fmt.Errorf("affiliations: %w", err)
	}
	for rows.Next() {
		var id int64
		var name, username, class string
		if err := rows.Scan(&id, &name, &username, &class); err != nil {
			rows.Close()
			return nil, fmt.Errorf("affiliations: %w", err)
		}
		if name == "" {
			name = username
		}
		a := out[id]
		a.Children = append(a.Children, Child{Name: name, Class: class})
		out[id] = a
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("affiliations: %w", err)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("affiliations: %w", err)
	}
	rows, err = db.query(ctx, `SELECT DISTINCT teacher_id, class_code FROM teachings
		WHERE teacher_id IN (`+set+`) ORDER BY teacher_id, class_code`, arg)
	if err != nil {
		return nil, fmt.Errorf("affiliations: %w", err)
	}
	for rows.Next() {
		var id int64
		var class string
		if err := rows.Scan(&id, &class); err != nil {
			rows.Close()
			return nil, fmt.Errorf("affiliations: %w", err)
		}
		a := out[id]
		a.Classes = append(a.Classes, class)
		out[id] = a
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("affiliations: %w", err)
	}
	rows, err = db.query(ctx, `SELECT id, civility FROM users WHERE id IN (`+set+`) AND civility <> ''`, arg)
	if err != nil {
		return nil, fmt.Errorf("affiliations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var civility string
		if err := rows.Scan(&id, &civility); err != nil {
			return nil, fmt.Errorf("affiliations: %w", err)
		}
		a := out[id]
		a.Civility = civility
		out[id] = a
	}
	return out, wrap(rows.Err(), "affiliations")
}
