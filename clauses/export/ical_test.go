package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Folding never splits a character, keeps every line within 75 octets
// (the continuation's space included), and unfolds to the original.
func TestICalFoldsAtCharacterBoundaries(t *testing.T) {
	for _, value := range []string{
		strings.Repeat("逾期", 60),
		"a" + strings.Repeat("期", 50),
		"ab" + strings.Repeat("期", 50),
		strings.Repeat("x", 74),
		strings.Repeat("x", 75),
		strings.Repeat("x", 300),
	} {
		w := &icalWriter{}
		w.prop("DESCRIPTION", value)
		out := w.b.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("no CRLF at the end: %q", out)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Errorf("line of %d octets: %q", len(l), l)
			}
			if !utf8.ValidString(l) {
				t.Errorf("a character split across lines: %q", l)
			}
		}
		if got := unfold(strings.TrimSuffix(out, "\r\n")); got != "DESCRIPTION:"+value {
			t.Errorf("unfolds to %q", got)
		}
	}
}

func TestICalTextEscapes(t *testing.T) {
	got := icalText("a\\b;c,d\ne\r\nf")
	if want := `a\\b\;c\,d\ne\nf`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// Each character to escape, alone, is escaped (none slips past the
	// shortcut for values with nothing to escape).
	for in, want := range map[string]string{"\\": `\\`, ";": `\;`, ",": `\,`, "\n": `\n`, "\r": `\n`, "\r\r\n": `\n\n`, "\n\r": `\n\n`, "\r\n\n": `\n\n`, "逾期": "逾期", "": ""} {
		if got := icalText("x" + in + "y"); got != "x"+want+"y" {
			t.Errorf("icalText(%q) = %q, want %q", "x"+in+"y", got, "x"+want+"y")
		}
	}
}
