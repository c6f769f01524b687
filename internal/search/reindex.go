package search

import (
	"context"
	"runtime"
	"sync"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// reindexBatch is how many documents go into one write transaction.
const reindexBatch = 1000

// Reindex rebuilds the whole index from the published documents: read
// and cut on every core while the previous batch is being written, one
// transaction per batch. progress, when set, is told how many of total are
// done after every batch.
func Reindex(ctx context.Context, st *store.Store, progress func(done, total int)) (int, error) {
	seg, err := Default()
	if err != nil {
		return 0, err
	}
	total, err := st.CountPublished(ctx)
	if err != nil {
		return 0, err
	}
	if err := st.ClearSearchIndex(ctx); err != nil {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		entries []store.SearchEntry
		err     error
	}
	batches := make(chan batch, 1)
	go func() {
		defer close(batches)
		var after int64
		for {
			docs, err := st.PublishedAfter(ctx, after, reindexBatch)
			if err != nil || len(docs) == 0 {
				if err != nil {
					batches <- batch{err: err}
				}
				return
			}
			after = docs[len(docs)-1].ID
			select {
			case batches <- batch{entries: CutAll(seg, docs)}:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := 0
	for b := range batches {
		if b.err != nil {
			return done, b.err
		}
		if err := st.IndexSearchEntries(ctx, b.entries); err != nil {
			return done, err
		}
		done += len(b.entries)
		if progress != nil {
			progress(done, max(total, done))
		}
	}
	return done, st.OptimizeSearchIndex(ctx)
}

// CutAll cuts docs into index entries using every core.
func CutAll(seg *Segmenter, docs []catalog.Document) []store.SearchEntry {
	out := make([]store.SearchEntry, len(docs))
	workers := max(runtime.GOMAXPROCS(0), 1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				out[i] = store.SearchEntry{Doc: docs[i], Tokens: seg.Tokens(docs[i])}
			}
		}(w)
	}
	wg.Wait()
	return out
}

// EnsureIndexed builds the index when it is empty while published
// documents exist: a database created before search existed (or migrated
// to a new index layout), or written by a tool that did not attach the
// indexer. It returns how many documents it indexed.
func EnsureIndexed(ctx context.Context, st *store.Store) (int, error) {
	n, err := st.SearchIndexSize(ctx)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		// A reindex interrupted after its first batches leaves an index
		// that is not empty but lacks what it suspends for speed.
		return 0, st.RepairSearchIndex(ctx)
	}
	pub, err := st.CountPublished(ctx)
	if err != nil || pub == 0 {
		return 0, err
	}
	return Reindex(ctx, st, nil)
}
