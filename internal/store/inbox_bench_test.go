package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// BenchmarkInbox measures what the web inbox reads on every page (the
// first page, the unread count and the recalled count) for an empty
// mailbox and one of 20,000 unread messages, a few of them recalled. The
// two should cost about the same: docs/performance.md.
func BenchmarkInbox(b *testing.B) {
	for _, tg := range storetest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			ctx := context.Background()
			db, err := store.Open(ctx, tg.Config)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			var sender, empty, full int64
			err = db.InTx(ctx, func(tx *store.Tx) error {
				for i, p := range []*int64{&sender, &empty, &full} {
					if *p, err = tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprint("u", i), DisplayName: "U", Role: bouclier.RoleTeacher}, "", time.Time{}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			const n = 20000
			for start := 0; start < n; start += 1000 {
				err := db.InTx(ctx, func(tx *store.Tx) error {
					for i := start; i < start+1000; i++ {
						id, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "s", Body: fmt.Sprint("message ", i), Status: bouclier.StatusDelivered, SentAt: int64(i)}, []int64{full})
						if err != nil {
							return err
						}
						if i%5000 == 0 {
							if _, err := tx.Recall(ctx, id, "bench", int64(i)); err != nil {
								return err
							}
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			// As autovacuum (PostgreSQL) or an optimize (SQLite) would.
			if err := db.ExecRaw(ctx, "ANALYZE"); err != nil {
				b.Fatal(err)
			}
			for _, c := range []struct {
				name string
				user int64
			}{{"empty", empty}, {"20000", full}} {
				b.Run(c.name+"/folder", func(b *testing.B) {
					for b.Loop() {
						if _, err := db.Folder(ctx, c.user, store.FolderInbox, 0, 50); err != nil {
							b.Fatal(err)
						}
					}
				})
				b.Run(c.name+"/unread", func(b *testing.B) {
					for b.Loop() {
						if _, err := db.UnreadCount(ctx, c.user); err != nil {
							b.Fatal(err)
						}
					}
				})
				b.Run(c.name+"/recalled", func(b *testing.B) {
					for b.Loop() {
						if _, err := db.RecalledCount(ctx, c.user); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
