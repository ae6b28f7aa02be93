package main

import (
	"database/sql"
	"fmt"
	"path/filepath"
)

// containment is what the campaign detection did during a run, read from
// a Bouclier server's database: a round in which its sender was held by
// an incident measures a contained account, not the send path.
type containment struct {
	incidents, held, messages int
}

// readContainment reads a running Bouclier server's SQLite database (in
// dir) read-only: SQLite's WAL lets a reader in beside the writer.
func readContainment(dir string) (containment, error) {
	var c containment
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "bouclier.db")+"?mode=ro")
	if err != nil {
		return c, err
	}
	defer db.Close()
	err = db.QueryRow(`SELECT (SELECT count(*) FROM campaigns), (SELECT count(DISTINCT message_id) FROM campaign_members), (SELECT count(*) FROM messages)`).
		Scan(&c.incidents, &c.held, &c.messages)
	if err != nil {
		return c, fmt.Errorf("campaign incidents: %w", err)
	}
	return c, nil
}

func (c containment) String() string {
	if c.incidents == 0 {
		return fmt.Sprintf("no incident, %d messages", c.messages)
	}
	return fmt.Sprintf("%d incident(s) holding %d of %d messages: the rounds measured a contained sender", c.incidents, c.held, c.messages)
}
