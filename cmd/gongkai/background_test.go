package main

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/config"
	"gongkai/internal/store"
	"gongkai/internal/web/router"
)

func TestBackgroundPublishesAndExpires(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	st := openData(t, data, "")
	site := seedSite(t, st)
	cols, err := st.Columns(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	author, err := st.CreateUser(ctx, auth.User{Username: "author", DisplayName: "信息员", Role: auth.RoleOffice, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := st.CreateDocument(ctx, catalog.Document{SiteID: site.ID, ColumnID: cols[0].ID, AuthorID: author, Title: "定时发布的通知",
		WrittenOn: "2026-01-05", Genre: catalog.GenreOther, Validity: catalog.Valid, State: catalog.StateScheduled,
		ScheduledAt: time.Now().Add(-time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	for hash, idle := range map[string]time.Duration{"idle": 2 * time.Hour, "active": time.Minute} {
		at := time.Now().Add(-idle)
		if err := st.CreateSession(ctx, auth.Session{TokenHash: hash, UserID: author, CreatedAt: at, LastSeen: at}); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Default()
	cfg.DataDir = data
	app, _, err := router.New(ctx, cfg, st, newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}

	bg, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); runBackground(bg, app) }()
	deadline := time.Now().Add(60 * time.Second) // a liveness bound, generous for a loaded CI machine
	for {
		d, err := st.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		_, idleErr := st.Session(ctx, "idle")
		if d.State == catalog.StatePublished && errors.Is(idleErr, store.ErrNotFound) {
			if d.IndexNo == "" {
				t.Error("published without a 索引号")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the first background run: document %s, idle session %v", d.State, idleErr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("runBackground did not stop on cancel")
	}
	if _, err := st.Session(ctx, "active"); err != nil {
		t.Errorf("active session: %v", err)
	}
}
