package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// BenchmarkInsertMessage measures the store's part of a send to a class of
// 30 (the message and its deliveries) committed in batches of 8, as the
// group commit does under 8 concurrent senders.
func BenchmarkInsertMessage(b *testing.B) {
	for _, tg := range storetest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			ctx := context.Background()
			db, err := store.Open(ctx, tg.Config)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			sender, rcpt := batchUsers(b, db, 30)
			i := 0
			for b.Loop() {
				if i%8 == 0 {
					// one batch of 8 per 8 iterations
					err := db.InTx(ctx, func(tx *store.Tx) error {
						for j := range 8 {
							m := &bouclier.Message{SenderID: sender, Subject: "Devoirs", Body: fmt.Sprint("message ", i+j), Status: bouclier.StatusDelivered, SentAt: int64(i + j)}
							if _, err := tx.InsertMessage(ctx, m, rcpt); err != nil {
								return err
							}
						}
						return nil
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				i++
			}
		})
	}
}
