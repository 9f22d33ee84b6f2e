package source

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestEveryClauseIsTranslated: wherever the original has text or a title,
// so does the translation.
func TestEveryClauseIsTranslated(t *testing.T) {
	for _, d := range loadCorpus(t).Docs {
		tl := d.TranslationLang()
		for _, c := range d.Clauses {
			if len(c.Text[d.Lang]) > 0 && strings.TrimSpace(c.PlainText(tl)) == "" {
				t.Errorf("%s#%s has no translation", d.ID, c.ID)
			}
			if len(c.Text[d.Lang]) != len(c.Text[tl]) {
				t.Errorf("%s#%s: %d paragraphs in the original, %d in the translation", d.ID, c.ID, len(c.Text[d.Lang]), len(c.Text[tl]))
			}
			if c.Title != nil && c.Title[d.Lang] != "" && c.Title[tl] == "" {
				t.Errorf("%s#%s: the title is not translated", d.ID, c.ID)
			}
		}
		for _, s := range d.Sections {
			if s.Title[tl] == "" {
				t.Errorf("%s %s: no translated section title", d.ID, s.Name)
			}
		}
	}
}

// TestEveryEditorialNoteIsTranslated: a clause's editorial note (English)
// has its Chinese translation, and there is no translation without a note.
func TestEveryEditorialNoteIsTranslated(t *testing.T) {
	n := 0
	for _, d := range loadCorpus(t).Docs {
		for _, c := range d.Clauses {
			switch {
			case c.Note != "" && strings.TrimSpace(c.NoteZh) == "":
				t.Errorf("%s#%s: the note %q has no Chinese translation (note-zh)", d.ID, c.ID, c.Note)
			case c.Note == "" && c.NoteZh != "":
				t.Errorf("%s#%s: a Chinese note (note-zh) without the English note", d.ID, c.ID)
			case c.Note != "":
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no editorial notes found: the corpus or its loader changed")
	}
}

// TestNumbersSurviveTranslation: every number of the original (amounts,
// durations, percentages, clause references, dates) appears in the
// translation, after normalising Chinese numerals (七 = 7, 五十万 = 500000,
// 万分之五 = 0.05, 第五 = 5) and English number words and month names.
func TestNumbersSurviveTranslation(t *testing.T) {
	for _, d := range loadCorpus(t).Docs {
		tl := d.TranslationLang()
		for _, c := range d.Clauses {
			orig := c.PlainText(d.Lang)
			trans := c.PlainText(tl)
			have := map[string]bool{}
			for _, n := range numbersIn(trans, tl) {
				have[n] = true
			}
			for _, n := range numbersIn(orig, d.Lang) {
				if !have[n] {
					t.Errorf("%s#%s: %s is in the original but not in the translation", d.ID, c.ID, n)
				}
			}
		}
	}
}

var (
	arabic     = regexp.MustCompile(`\d+(?:[.．]\d+)*`)
	cnNumeral  = `[零〇一二两三四五六七八九十百千万]+`
	cnCounted  = regexp.MustCompile(`(第)?(` + cnNumeral + `)(个|日|天|小时|年|月|周|工作日|自然日|倍|元|条|项|次|分钟|秒|家|名|份)`)
	cnFraction = regexp.MustCompile(`(万分之|千分之|百分之)(` + cnNumeral + `|\d+)`)
	// Number words; "one", "first" and "second" are left out (articles,
	// pronouns, the time unit), and so is "third" in "third party".
	enWord     = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth)\b`)
	enMonth    = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(\s+\d|,?\s+\d{4})|\d\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	thirdParty = regexp.MustCompile(`(?i)\bthird[- ](part|person)`)
	thousands  = regexp.MustCompile(`(\d),(\d{3})`)
)

var enValue = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
	"ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30", "sixty": "60", "ninety": "90",
	"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7", "eighth": "8",
	"ninth": "9", "tenth": "10", "twelfth": "12",
	"january": "1", "february": "2", "march": "3", "april": "4", "may": "5", "june": "6", "july": "7", "august": "8",
	"september": "9", "october": "10", "november": "11", "december": "12",
}

// numbersIn lists the numbers a text states, as canonical strings.
func numbersIn(s, lang string) []string {
	var out []string
	s = thousands.ReplaceAllString(s, "$1$2")
	s = strings.ReplaceAll(s, "．", ".")
	if lang == "zh" {
		for _, m := range cnFraction.FindAllStringSubmatch(s, -1) {
			n := cnValue(m[2])
			switch m[1] {
			case "万分之":
				out = append(out, strconv.FormatFloat(float64(n)/100, 'f', -1, 64))
			case "千分之":
				out = append(out, strconv.FormatFloat(float64(n)/10, 'f', -1, 64))
			default:
				out = append(out, strconv.Itoa(n))
			}
		}
		s = cnFraction.ReplaceAllString(s, "")
		for _, m := range cnCounted.FindAllStringSubmatch(s, -1) {
			// 一个/一次/一小时 read as articles ("a bill", "the previous
			// hour"); a 1 that matters is printed as a digit or 第一.
			if n := cnValue(m[2]); n > 1 || n == 1 && m[1] == "第" {
				out = append(out, strconv.Itoa(n))
			}
		}
	} else {
		for _, m := range enMonth.FindAllStringSubmatch(s, -1) {
			name := m[1]
			if name == "" {
				name = m[3]
			}
			out = append(out, enValue[strings.ToLower(name)])
		}
		for _, m := range enWord.FindAllString(thirdParty.ReplaceAllString(s, ""), -1) {
			out = append(out, enValue[strings.ToLower(m)])
		}
	}
	for _, m := range arabic.FindAllString(s, -1) {
		out = append(out, canonical(m))
	}
	return out
}

// canonical drops leading zeros so "05" and "5" compare equal.
func canonical(n string) string {
	parts := strings.Split(n, ".")
	for i, p := range parts {
		if v, err := strconv.Atoi(p); err == nil && i == 0 {
			parts[i] = strconv.Itoa(v)
		}
	}
	return strings.Join(parts, ".")
}

// cnValue reads a Chinese numeral: 七 = 7, 十五 = 15, 二十四 = 24, 五十万 = 500000.
func cnValue(s string) int {
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, section, digit := 0, 0, -1
	for _, r := range s {
		if d, ok := digits[r]; ok {
			digit = d
			continue
		}
		if u, ok := units[r]; ok {
			if digit < 0 {
				digit = 1
			}
			section += digit * u
			digit = -1
			continue
		}
		if r == '万' {
			if digit > 0 {
				section += digit
			}
			total += section * 10000
			section, digit = 0, -1
		}
	}
	if digit > 0 {
		section += digit
	}
	return total + section
}

func TestChineseNumerals(t *testing.T) {
	for s, want := range map[string]int{"七": 7, "十": 10, "十五": 15, "二十四": 24, "三十": 30, "五十万": 500000, "一百二十": 120, "两": 2} {
		if got := cnValue(s); got != want {
			t.Errorf("cnValue(%q) = %d, want %d", s, got, want)
		}
	}
	got := numbersIn("按日承担万分之五的违约金，第五个自然日，五个工作日内支付人民币五十万元，7日", "zh")
	if strings.Join(got, " ") != "0.05 5 5 500000 7" {
		t.Errorf("numbersIn = %v", got)
	}
}

// TestGlossaryTermsAreUsed: where the original uses a glossary term, the
// translation uses the glossary's rendering of it (or an allowed variant).
func TestGlossaryTermsAreUsed(t *testing.T) {
	checked := map[string][]string{ // zh term -> accepted English stems
		"欠费":   {"overdue", "arrear"},
		"暂停":   {"suspen"},
		"释放":   {"releas"},
		"预付费":  {"subscription", "prepaid", "prepay"},
		"后付费":  {"pay-as-you-go", "postpaid"},
		"资源包":  {"resource plan"},
		"工作日":  {"working day", "business day"},
		"自然日":  {"natural day", "calendar day"},
		"不可抗力": {"force majeure"},
	}
	glossary, err := os.ReadFile("../glossary.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for zh := range checked {
		if !strings.Contains(string(glossary), "\n"+zh+"\t") {
			t.Errorf("%s is checked here but not in clauses/glossary.tsv", zh)
		}
	}
	for _, d := range loadCorpus(t).Docs {
		zhLang, enLang := "zh", "en"
		for _, c := range d.Clauses {
			zh, en := strings.ToLower(c.PlainText(zhLang)), strings.ToLower(c.PlainText(enLang))
			for term, stems := range checked {
				if !strings.Contains(zh, term) {
					continue
				}
				found := false
				for _, st := range stems {
					if strings.Contains(en, st) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s#%s: %s in the Chinese but none of %v in the English", d.ID, c.ID, term, stems)
				}
			}
		}
	}
}
