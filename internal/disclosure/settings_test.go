package disclosure

import "testing"

func TestSettingsValidate(t *testing.T) {
	if err := DefaultSettings().Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	for name, edit := range map[string]func(*Settings){
		"warn days":       func(s *Settings) { s.AmendmentWarnDays = 8 },
		"amendment":       func(s *Settings) { s.AmendmentPeriodDays = 0 },
		"reminder":        func(s *Settings) { s.ReminderDays = []int{-1} },
		"band fee":        func(s *Settings) { s.Fee.Band31Fee = 50 },
		"similarity":      func(s *Settings) { s.Repeat.Similarity = 0 },
		"frequent window": func(s *Settings) { s.Repeat.FrequentWindowDays = 0 },
	} {
		s := DefaultSettings()
		edit(&s)
		if s.Validate() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
