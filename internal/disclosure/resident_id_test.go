package disclosure

import "testing"

// mod112 computes the ISO 7064 MOD 11-2 check character with the recursive
// method (p = 2(p + digit) mod 11), independent of the weight table the
// code uses.
func mod112(body string) byte {
	p := 0
	for i := range len(body) {
		p = (p + int(body[i]-'0')) * 2 % 11
	}
	c := (12 - p) % 11
	if c == 10 {
		return 'X'
	}
	return byte('0' + c)
}

func TestValidResidentID(t *testing.T) {
	// The GB 11643-1999 standard's own example.
	if !ValidResidentID("11010519491231002X") {
		t.Error("GB 11643 example rejected")
	}
	if mod112("11010519491231002") != 'X' {
		t.Fatal("test helper disagrees with the standard's example")
	}
	bodies := []string{
		"44030419850615123", // Shenzhen, 1985-06-15
		"31011520000229456", // Shanghai, leap day 2000
		"65010219991231001",
		"81000019900101003", // 港澳台居民居住证 code
		"51010720231001888",
		"37020219600505111",
	}
	for _, b := range bodies {
		id := b + string(mod112(b))
		if !ValidResidentID(id) {
			t.Errorf("%s rejected", id)
		}
		// Every other check character must fail.
		for _, c := range "0123456789X" {
			if byte(c) == id[17] {
				continue
			}
			if bad := b + string(c); ValidResidentID(bad) {
				t.Errorf("%s accepted with a wrong check character", bad)
			}
		}
		// Swapping two different adjacent digits changes the check.
		for i := 0; i+1 < 17; i++ {
			if b[i] == b[i+1] {
				continue
			}
			sw := []byte(b)
			sw[i], sw[i+1] = sw[i+1], sw[i]
			if ValidResidentID(string(sw) + string(id[17])) {
				t.Errorf("transposition at %d of %s not detected", i, id)
			}
		}
	}
	if lower := "11010519491231002x"; !ValidResidentID(lower) || NormalizeResidentID(" "+lower+" ") != "11010519491231002X" {
		t.Error("lower-case x or spaces not accepted")
	}
	for _, b := range []string{
		"44030419990230123", // 1999-02-30 does not exist
		"44030418991231123", // before 1900
		"99030419850615123", // no province 99
		"44030419851315123", // month 13
	} {
		if id := b + string(mod112(b)); ValidResidentID(id) {
			t.Errorf("%s accepted despite an invalid date or region", id)
		}
	}
	for _, s := range []string{"", "11010519491231002", "11010519491231002XX", "1101051949123100AX", "110105194912310021"} {
		if ValidResidentID(s) {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestResidentIDCheck(t *testing.T) {
	for _, b := range []string{"11010519491231002", "44030419850615123", "65010219991231001", "42020019700101000"} {
		got, ok := ResidentIDCheck(b)
		if !ok || got != mod112(b) {
			t.Errorf("ResidentIDCheck(%s) = %c, %v; want %c", b, got, ok, mod112(b))
		}
	}
	for _, bad := range []string{"", "1101051949123100", "110105194912310021", "1101051949123100A"} {
		if _, ok := ResidentIDCheck(bad); ok {
			t.Errorf("ResidentIDCheck(%q) accepted", bad)
		}
	}
}
