package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// DraftFile is a file kept with a draft until its sender confirms it.
type DraftFile struct {
	Name        string
	ContentType string
	Data        []byte
}

// KeepDraftFiles replaces the files kept with userID's draft, bound to the
// session that attached them; files kept before cutoff (unix
// microseconds) by anyone are purged on the way, so abandoned ones do not
// pile up. Errors: ErrNotFound when the draft is not userID's.
func (db *DB) KeepDraftFiles(ctx context.Context, userID, draftID int64, sessionID string, files []DraftFile, now, cutoff int64) error {
	err := db.InTx(ctx, func(tx *Tx) error {
		var owner int64
		if err := tx.queryRow(ctx, `SELECT user_id FROM drafts WHERE id = ?`, draftID).Scan(&owner); err != nil || owner != userID {
			if err == nil || errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM draft_files WHERE draft_id = ? OR created_at < ?`, draftID, cutoff); err != nil {
			return err
		}
		for i, f := range files {
			if _, err := tx.exec(ctx, `INSERT INTO draft_files (draft_id, seq, user_id, session_id, name, content_type, data, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, draftID, i, userID, sessionID, f.Name, f.ContentType, f.Data, now); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return err
	}
	return wrap(err, "keep draft files")
}

// DraftFiles returns the files kept with userID's draft by sessionID since
// since (unix microseconds), in the order they were attached; none when
// they belong to another session or are older.
func (db *DB) DraftFiles(ctx context.Context, userID, draftID int64, sessionID string, since int64) ([]DraftFile, error) {
	rows, err := db.query(ctx, `SELECT name, content_type, data FROM draft_files
		WHERE draft_id = ? AND user_id = ? AND session_id = ? AND created_at >= ? ORDER BY seq`, draftID, userID, sessionID, since)
	if err != nil {
		return nil, fmt.Errorf("draft files: %w", err)
	}
	defer rows.Close()
	var out []DraftFile
	for rows.Next() {
		var f DraftFile
		if err := rows.Scan(&f.Name, &f.ContentType, &f.Data); err != nil {
			return nil, fmt.Errorf("draft files: %w", err)
		}
		out = append(out, f)
	}
	return out, wrap(rows.Err(), "draft files")
}
