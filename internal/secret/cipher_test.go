package secret

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func testRing(t *testing.T, n int) *Keyring {
	t.Helper()
	var keys []*Key
	for range n {
		k, err := GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	kr, err := NewKeyring(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return kr
}

func TestSealOpenRoundTrip(t *testing.T) {
	kr := testRing(t, 1)
	for _, v := range []string{"11010519491231002X", "13812345678", "北京市海淀区中关村南大街5号", "a@b.cn"} {
		c, err := kr.Seal(FieldAddress, v)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(c, v) || !strings.HasPrefix(c, "g1."+kr.Primary().ID+".") {
			t.Fatalf("ciphertext %q leaks or lacks key id", c)
		}
		got, err := kr.Open(FieldAddress, c)
		if err != nil || got != v {
			t.Fatalf("Open = %q, %v; want %q", got, err, v)
		}
	}
	c1, _ := kr.Seal(FieldPhone, "13812345678")
	c2, _ := kr.Seal(FieldPhone, "13812345678")
	if c1 == c2 {
		t.Fatal("two seals of one value are equal: nonce reused")
	}
	if c, _ := kr.Seal(FieldPhone, ""); c != "" {
		t.Fatalf("empty value sealed to %q", c)
	}
}

func TestOpenDetectsTampering(t *testing.T) {
	kr := testRing(t, 1)
	c, err := kr.Seal(FieldIDNumber, "11010519491231002X")
	if err != nil {
		t.Fatal(err)
	}
	id, body, _ := split(c)
	raw, _ := base64.RawURLEncoding.DecodeString(body)
	for i := range raw {
		bad := append([]byte(nil), raw...)
		bad[i] ^= 0x01
		tampered := prefix + id + "." + base64.RawURLEncoding.EncodeToString(bad)
		if _, err := kr.Open(FieldIDNumber, tampered); !errors.Is(err, ErrTampered) {
			t.Fatalf("flipping byte %d: err = %v, want ErrTampered", i, err)
		}
	}
	if _, err := kr.Open(FieldIDNumber, c[:len(c)-4]); !errors.Is(err, ErrTampered) {
		t.Fatalf("truncated: %v", err)
	}
	// Moved to another column: the field is authenticated data.
	if _, err := kr.Open(FieldPhone, c); !errors.Is(err, ErrTampered) {
		t.Fatalf("other field: %v", err)
	}
	if _, err := kr.Open(FieldIDNumber, "plain text"); !errors.Is(err, ErrTampered) {
		t.Fatalf("not a ciphertext: %v", err)
	}
	other := testRing(t, 1)
	if _, err := other.Open(FieldIDNumber, c); !errors.Is(err, ErrNoKey) {
		t.Fatalf("unknown key: %v", err)
	}
}

func TestRotationKeepsOldDataReadable(t *testing.T) {
	old := testRing(t, 1)
	c, _ := old.Seal(FieldPhone, "13812345678")
	bOld := old.Blind(FieldPhone, "13812345678")
	k, _ := GenerateKey()
	rotated, err := NewKeyring(k, old.Primary())
	if err != nil {
		t.Fatal(err)
	}
	if !rotated.NeedsRotation(c) || old.NeedsRotation(c) {
		t.Fatal("NeedsRotation wrong")
	}
	v, err := rotated.Open(FieldPhone, c)
	if err != nil || v != "13812345678" {
		t.Fatalf("old ciphertext after adding a key: %q %v", v, err)
	}
	c2, _ := rotated.Seal(FieldPhone, v)
	if KeyID(c2) != k.ID {
		t.Fatalf("re-sealed with %s, want primary %s", KeyID(c2), k.ID)
	}
	all := rotated.BlindAll(FieldPhone, "+86 138-1234-5678")
	if len(all) != 2 || all[1] != bOld || all[0] != rotated.Blind(FieldPhone, "13812345678") {
		t.Fatalf("BlindAll = %v (old %s)", all, bOld)
	}
	// After the old key is dropped the rotated value still opens.
	newOnly, _ := NewKeyring(k)
	if v, err := newOnly.Open(FieldPhone, c2); err != nil || v != "13812345678" {
		t.Fatalf("after removal: %q %v", v, err)
	}
}

func TestBlindIndex(t *testing.T) {
	kr := testRing(t, 1)
	a := kr.Blind(FieldIDNumber, "11010519491231002x")
	if a != kr.Blind(FieldIDNumber, " 110105 19491231 002X") {
		t.Fatal("normalised values index differently")
	}
	if a == kr.Blind(FieldPhone, "11010519491231002X") {
		t.Fatal("same value in two fields indexes equal")
	}
	if a == kr.Blind(FieldIDNumber, "110105194912310037") {
		t.Fatal("different values index equal")
	}
	if kr.Blind(FieldIDNumber, "  ") != "" {
		t.Fatal("blank indexes non-empty")
	}
	if strings.Contains(a, "1101") {
		t.Fatalf("index %q leaks the value", a)
	}
}

func TestMasks(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{MaskID("110105194912311234"), "110***********1234"},
		{MaskID("11010519491231002x"), "110***********002X"},
		{MaskPhone("13812345678"), "138****5678"},
		{MaskPhone("+86 138 1234 5678"), "138****5678"},
		{MaskPhone("12"), "1*"},
		{MaskAddress("北京市海淀区中关村南大街5号"), "北京市海淀区****"},
		{MaskAddress("海淀区"), "海****"},
		{MaskAddress(""), ""},
		{MaskEmail("zhang.san@example.com"), "z***@example.com"},
		{MaskEmail("张三@例子.中国"), "张***@例子.中国"},
	} {
		if c.got != c.want {
			t.Errorf("mask = %q, want %q", c.got, c.want)
		}
	}
}

func TestQueryPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		pw := NewQueryPassword()
		if len(pw) != 14 || strings.Count(pw, "-") != 2 || strings.ContainsAny(pw, "01ILO") {
			t.Fatalf("password %q", pw)
		}
		if seen[pw] {
			t.Fatalf("repeat %q", pw)
		}
		seen[pw] = true
	}
	pw := NewQueryPassword()
	h := HashQueryPassword(pw)
	if strings.Contains(h, pw) || h == HashQueryPassword(pw) {
		t.Fatal("hash unsalted or leaks the password")
	}
	typed := strings.ToLower(strings.ReplaceAll(pw, "-", " "))
	if !VerifyQueryPassword(h, pw) || !VerifyQueryPassword(h, typed) {
		t.Fatal("right password refused")
	}
	wrong := []byte(pw)
	wrong[0] = map[bool]byte{true: '2', false: '3'}[wrong[0] != '2']
	if VerifyQueryPassword(h, string(wrong)) || VerifyQueryPassword(h, "") || VerifyQueryPassword("x$y", pw) {
		t.Fatal("wrong password accepted")
	}
}
