package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

func TestContractFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "cc.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestContractMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), Memory)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestTwoWriters opens one file twice, as two processes would, and ingests
// from both at once: WAL, the busy timeout and immediate transactions make the
// writers queue rather than fail.
func TestTwoWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.db")
	a, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	storetest.TwoWriters(t, a, b)
}
