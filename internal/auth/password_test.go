package auth

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckPassword(t *testing.T) {
	cases := []struct {
		pw string
		ok bool
	}{
		{"Abcdefgh1!", true},  // 10 chars, 4 classes
		{"abcdefgh12", false}, // 2 classes
		{"Abcdefgh12", true},  // upper, lower, digit
		{"abcdefgh1!", true},  // lower, digit, symbol
		{"Abcdef1!", false},   // too short
		{"政务公开平台密码Ab1", true}, // Han counts as a symbol class, 11 runes
		{"ABCDEFGHIJK", false},
		{"", false},
	}
	for _, c := range cases {
		err := CheckPassword(c.pw)
		if (err == nil) != c.ok {
			t.Errorf("CheckPassword(%q) = %v, want ok=%v", c.pw, err, c.ok)
		}
		if err != nil && !errors.Is(err, ErrWeakPassword) {
			t.Errorf("CheckPassword(%q) error %v is not ErrWeakPassword", c.pw, err)
		}
	}
	if err := CheckPassword(RandomPassword()); err != nil {
		t.Fatalf("generated password violates the policy: %v", err)
	}
}

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("Correct-Horse-9")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=1,p=2$") {
		t.Fatalf("unexpected hash format %q", h)
	}
	if !VerifyPassword(h, "Correct-Horse-9") {
		t.Fatal("right password refused")
	}
	if VerifyPassword(h, "correct-horse-9") {
		t.Fatal("wrong password accepted")
	}
	h2, _ := HashPassword("Correct-Horse-9")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
	for _, bad := range []string{"", "$argon2id$", "$bcrypt$x$y$z$w", h[:len(h)-4] + "!!!!"} {
		if VerifyPassword(bad, "Correct-Horse-9") {
			t.Fatalf("malformed hash %q accepted", bad)
		}
	}
}

func TestLockoutAfterFiveFailures(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	u := User{}
	for i := 1; i < MaxFailures; i++ {
		u.FailedLogins, u.LockedUntil = u.AfterFailure(now)
		if u.Locked(now) || u.FailedLogins != i {
			t.Fatalf("after %d failures: locked=%v count=%d", i, u.Locked(now), u.FailedLogins)
		}
	}
	u.FailedLogins, u.LockedUntil = u.AfterFailure(now)
	if !u.Locked(now) || !u.Locked(now.Add(14*time.Minute)) {
		t.Fatal("fifth failure did not lock for 15 minutes")
	}
	if u.Locked(now.Add(LockoutFor + time.Second)) {
		t.Fatal("still locked after 15 minutes")
	}
}

func TestSessionIdle(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := Session{LastSeen: now}
	if s.Idle(now.Add(30*time.Minute), 30*time.Minute) {
		t.Fatal("idle at exactly the timeout")
	}
	if !s.Idle(now.Add(31*time.Minute), 30*time.Minute) {
		t.Fatal("not idle after 31 minutes")
	}
	tok, hash := NewToken()
	if HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Fatal("token hash mismatch")
	}
}

// TestThreeAdministratorsSeparated checks 三员分立 at the permission level:
// only the audit administrator reads the audit log, and reads nothing else.
func TestThreeAdministratorsSeparated(t *testing.T) {
	for _, r := range Roles {
		if got := r.Can(PermAuditRead); got != (r == RoleAuditor) {
			t.Errorf("%s audit read = %v", r.Label(), got)
		}
	}
	for _, p := range []Perm{PermEditDocument, PermFirstReview, PermFinalReview, PermUsers, PermManageCatalog, PermCalendar} {
		if RoleAuditor.Can(p) {
			t.Errorf("audit administrator holds %s", p)
		}
	}
	if RoleSysAdmin.Can(PermUsers) || !RoleSecAdmin.Can(PermUsers) {
		t.Error("user management must belong to the security administrator only")
	}
	if !RoleOfficer.OrgScoped() || RoleOffice.OrgScoped() {
		t.Error("only 科室信息员 are limited to their Org")
	}
}
