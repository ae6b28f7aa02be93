package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestSearchFolderSummary: a list (Summary) reads every value a list
// shows as the full read does, and leaves the body, the screen's reasons,
// the fingerprint, score, parent and scope out (the recipients too, except
// in the sent folder).
func TestSearchFolderSummary(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, tg.Config)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var sender, rcpt int64
			err = db.InTx(ctx, func(tx *store.Tx) error {
				if sender, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, "", time.Time{}); err != nil {
					return err
				}
				if rcpt, err = tx.UpsertUser(ctx, bouclier.User{Username: "parent", DisplayName: "Marie Dupont", Role: bouclier.RoleParent}, "", time.Time{}); err != nil {
					return err
				}
				_, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Sortie", Body: "Le car part à 8 h.",
					To: []string{"user:parent"}, Status: bouclier.StatusDelivered, Score: 0.5, Reasons: []string{"lien"}, SentAt: 1e15,
					UAI: "0780001A", Academie: "versailles", Fingerprint: "fp"}, []int64{rcpt})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				folder store.Folder
				user   int64
				keepTo bool
			}{{store.FolderInbox, rcpt, false}, {store.FolderSent, sender, true}} {
				full, err := db.SearchFolder(ctx, c.user, c.folder, store.FolderFilter{}, 0, 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				list, err := db.SearchFolder(ctx, c.user, c.folder, store.FolderFilter{Summary: true}, 0, 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				if len(full) != 1 || len(list) != 1 {
					t.Fatalf("%s: %d and %d entries", c.folder, len(full), len(list))
				}
				if full[0].Body == "" || len(full[0].Reasons) == 0 || full[0].Fingerprint == "" || len(full[0].To) == 0 {
					t.Fatalf("%s: full read lacks values: %+v", c.folder, full[0])
				}
				if list[0].Body != "" || len(list[0].Reasons) != 0 || list[0].Fingerprint != "" || (len(list[0].To) != 0) != c.keepTo {
					t.Errorf("%s: summary read %+v", c.folder, list[0])
				}
				want := full[0]
				want.Body, want.Reasons, want.Fingerprint, want.Score, want.ParentID, want.UAI, want.Academie = "", nil, "", 0, 0, "", ""
				if !c.keepTo {
					want.To = nil
				}
				if !reflect.DeepEqual(list[0], want) {
					t.Errorf("%s: summary\n%+v\nwant\n%+v", c.folder, list[0], want)
				}
			}
		})
	}
}
