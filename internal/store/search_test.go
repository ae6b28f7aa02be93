package store_test

import (
	"context"
	"reflect"
	"slices"
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
			var sender, rcpt, read, trashed int64
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
				if err != nil {
					return err
				}
				// One with an attachment, read; one read and put in the
				// trash; one scheduled: every column of a row differs.
				withAtt, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Menu « cantine »", Body: "Ci-joint.",
					To: []string{"user:parent", "class:X/4A"}, Status: bouclier.StatusDelivered, SentAt: 2e15}, []int64{rcpt})
				if err != nil {
					return err
				}
				sum := []byte("0123456789abcdef0123456789abcdef")
				if err := tx.PutBlob(ctx, sum, []byte("%PDF")); err != nil {
					return err
				}
				if _, err := tx.InsertAttachment(ctx, store.Attachment{MessageID: withAtt, Name: "menu.pdf", ContentType: "application/pdf", Size: 4, SHA256: sum}); err != nil {
					return err
				}
				trashed, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Réunion", Body: "Mardi.",
					To: []string{"user:parent"}, Status: bouclier.StatusDelivered, SentAt: 3e15}, []int64{rcpt})
				if err != nil {
					return err
				}
				read = withAtt
				_, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Plus tard", Body: "Demain.",
					To: []string{"user:parent"}, Status: bouclier.StatusDeferred, SentAt: 4e15, DeliverAt: 5e15}, []int64{rcpt})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range []int64{read, trashed} {
				if ok, err := db.MarkRead(ctx, rcpt, id, 6e15); err != nil || !ok {
					t.Fatalf("mark read %d: %v %v", id, ok, err)
				}
			}
			if ok, err := db.SetTrashed(ctx, rcpt, trashed, true); err != nil || !ok {
				t.Fatalf("trash: %v %v", ok, err)
			}
			for _, c := range []struct {
				folder store.Folder
				user   int64
				keepTo bool
				n      int
			}{{store.FolderInbox, rcpt, false, 2}, {store.FolderTrash, rcpt, false, 1}, {store.FolderSent, sender, true, 4}} {
				full, err := db.SearchFolder(ctx, c.user, c.folder, store.FolderFilter{}, 0, 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				list, err := db.SearchFolder(ctx, c.user, c.folder, store.FolderFilter{Summary: true}, 0, 0, 50)
				if err != nil {
					t.Fatal(err)
				}
				if len(full) != c.n || len(list) != c.n {
					t.Fatalf("%s: %d and %d entries, want %d", c.folder, len(full), len(list), c.n)
				}
				for i := range full {
					if full[i].Body == "" || len(full[i].To) == 0 {
						t.Fatalf("%s: full read lacks values: %+v", c.folder, full[i])
					}
					if list[i].Body != "" || len(list[i].Reasons) != 0 || list[i].Fingerprint != "" || (len(list[i].To) != 0) != c.keepTo {
						t.Errorf("%s: summary read %+v", c.folder, list[i])
					}
					want := full[i]
					want.Body, want.Reasons, want.Fingerprint, want.Score, want.ParentID, want.UAI, want.Academie = "", nil, "", 0, 0, "", ""
					if !c.keepTo {
						want.To = nil
					}
					if !reflect.DeepEqual(list[i], want) {
						t.Errorf("%s: summary\n%+v\nwant\n%+v", c.folder, list[i], want)
					}
				}
			}
			// The rows differ where they should (a summary equal to a
			// wrong full read would pass the comparison above).
			inbox, err := db.SearchFolder(ctx, rcpt, store.FolderInbox, store.FolderFilter{Summary: true}, 0, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if len(inbox) != 2 || inbox[0].ID != read || !inbox[0].Read || !inbox[0].HasAttachments || inbox[0].Subject != "Menu « cantine »" ||
				inbox[1].Read || inbox[1].HasAttachments || inbox[1].SentAt != 1e15 || inbox[1].Sender != "prof" || inbox[1].SenderName != "Sophie Martin" {
				t.Errorf("inbox summary: %+v", inbox)
			}
			sent, err := db.SearchFolder(ctx, sender, store.FolderSent, store.FolderFilter{Summary: true}, 0, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if len(sent) != 4 || sent[0].Status != bouclier.StatusDeferred || sent[0].DeliverAt != 5e15 || !sent[0].Read ||
				!slices.Equal(sent[2].To, []string{"user:parent", "class:X/4A"}) || !sent[2].HasAttachments {
				t.Errorf("sent summary: %+v", sent)
			}
		})
	}
}
