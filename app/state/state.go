// Package state reads and writes the explorer's URL state (DESIGN §4).
//
// Every view is a link: everything a page shows is decided by its path and
// query string, so this package is the single place where a query string is
// trusted. It never panics, whatever the input; values it cannot use are
// dropped and reported as Problems, which the page shows in [role=alert]
// while it renders what was valid.
package state

import (
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// Languages the interface can be shown in.
const (
	LangZh   = "zh"
	LangEn   = "en"
	LangBoth = "both"
)

// Limits on what a link may carry. A real link never comes close; anything
// beyond them is junk or hostile and is dropped with a message.
const (
	MaxQueryBytes = 8 << 10 // whole query string
	MaxValueBytes = 512     // one parameter value
	MaxListItems  = 40      // products in one link
)

// State is what the URL asks the page to show.
type State struct {
	Lang     string   // zh (default), en or both
	Embed    bool     // embed=1: no header and footer, links open in the top window
	Products []string // slugs in the user's order, without duplicates
	Billing  string
	Event    string
	At       string // RFC 3339 instant as given (validated by the calculator)
	TZ       string // IANA zone name of the viewer's second column
	Now      string // fixed "now" for tests and printouts
	Point    string // compare point
	Query    string // search text
	If       []string
	Group    string
	Sort     string
	Amount   string
	Remind   []string

	// Extra keeps parameters this version does not know, so links made by a
	// newer version survive a round trip through an older one.
	Extra url.Values
}

// Problem is one part of the query string that was not used.
type Problem struct {
	Param string // parameter name, "" for the query as a whole
	Code  string // see the Code* constants
	Value string // the offending value, shortened and made valid UTF-8 for display
}

// Problem codes.
const (
	CodeTooLong     = "too-long"     // value or query beyond the limits
	CodeBadEncoding = "bad-encoding" // not valid UTF-8 or not decodable
	CodeBadValue    = "bad-value"    // not one of the allowed values
	CodeBadSyntax   = "bad-syntax"   // not a slug / list of slugs
	CodeTooMany     = "too-many"     // list longer than MaxListItems
)

// Parse reads a raw query string (without '?'). It keeps the valid part and
// reports the rest.
func Parse(rawQuery string) (State, []Problem) {
	var problems []Problem
	if len(rawQuery) > MaxQueryBytes {
		problems = append(problems, Problem{Code: CodeTooLong, Value: Shorten(rawQuery)})
		rawQuery = cutToLastSeparator(rawQuery, MaxQueryBytes)
	}
	values := parseQueryLenient(rawQuery, &problems)
	s, valueProblems := fromValues(values)
	problems = append(problems, valueProblems...)
	// Percent-encoding at most triples a byte, so only a query over a third
	// of the limit can make a link beyond it. Such a link would not read
	// back as the same state: drop its longest parameters, one at a time,
	// until the state's own link fits.
	if 3*len(rawQuery) > MaxQueryBytes {
		for {
			v := s.values()
			if len(v.Encode()) <= MaxQueryBytes {
				break
			}
			longest := longestParam(v)
			problems = append(problems, Problem{Param: Shorten(longest), Code: CodeTooLong, Value: Shorten(v.Get(longest))})
			delete(values, longest)
			s, _ = fromValues(values) // its problems are reported already
		}
	}
	return s, problems
}

// longestParam is the parameter of v whose encoding is the longest (the
// first by name among equals).
func longestParam(v url.Values) string {
	longest, size := "", -1
	for k, vals := range v {
		n := len(url.QueryEscape(k)) + len(url.QueryEscape(vals[0]))
		if n > size || (n == size && k < longest) {
			longest, size = k, n
		}
	}
	return longest
}

// fromValues reads the state from the parameters of a query, reporting what
// it cannot use.
func fromValues(values map[string][]string) (State, []Problem) {
	s := State{Lang: LangZh}
	var problems []Problem
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		v := values[key][0]
		if !utf8.ValidString(key) {
			problems = append(problems, Problem{Code: CodeBadEncoding, Value: Shorten(key)})
			continue
		}
		if !utf8.ValidString(v) {
			problems = append(problems, Problem{Param: key, Code: CodeBadEncoding, Value: Shorten(v)})
			continue
		}
		if len(v) > MaxValueBytes {
			problems = append(problems, Problem{Param: key, Code: CodeTooLong, Value: Shorten(v)})
			continue
		}
		switch key {
		case "lang":
			switch v {
			case LangZh, LangEn, LangBoth:
				s.Lang = v
			default:
				problems = append(problems, Problem{Param: key, Code: CodeBadValue, Value: Shorten(v)})
			}
		case "embed":
			switch v {
			case "1", "true":
				s.Embed = true
			case "0", "false", "":
			default:
				problems = append(problems, Problem{Param: key, Code: CodeBadValue, Value: Shorten(v)})
			}
		case "products":
			s.Products = slugList(key, v, &problems)
		case "if":
			s.If = slugList(key, v, &problems)
		case "remind":
			s.Remind = slugList(key, v, &problems)
		case "billing", "event", "point", "group", "sort":
			if v == "" {
				continue
			}
			if !IsSlug(v) {
				problems = append(problems, Problem{Param: key, Code: CodeBadSyntax, Value: Shorten(v)})
				continue
			}
			switch key {
			case "billing":
				s.Billing = v
			case "event":
				s.Event = v
			case "point":
				s.Point = v
			case "group":
				s.Group = v
			case "sort":
				s.Sort = v
			}
		case "at":
			s.At = v
		case "tz":
			s.TZ = v
		case "now":
			s.Now = v
		case "q":
			s.Query = v
		case "amount":
			s.Amount = v
		default:
			if s.Extra == nil {
				s.Extra = url.Values{}
			}
			s.Extra.Set(key, v)
		}
	}
	return s, problems
}

// Encode writes the state back as a query string in a stable order, leaving
// out defaults, so equal states give equal links.
func (s State) Encode() string {
	return s.values().Encode()
}

// values are the state's parameters as Encode writes them.
func (s State) values() url.Values {
	v := url.Values{}
	for k, vals := range s.Extra {
		v[k] = vals
	}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("products", strings.Join(s.Products, ","))
	set("billing", s.Billing)
	set("event", s.Event)
	set("at", s.At)
	set("tz", s.TZ)
	set("now", s.Now)
	set("point", s.Point)
	set("q", s.Query)
	set("if", strings.Join(s.If, ","))
	set("group", s.Group)
	set("sort", s.Sort)
	set("amount", s.Amount)
	set("remind", strings.Join(s.Remind, ","))
	if s.Lang != "" && s.Lang != LangZh {
		v.Set("lang", s.Lang)
	}
	if s.Embed {
		v.Set("embed", "1")
	}
	return v
}

// IsSlug reports whether v is a catalogue-style identifier: lower-case ASCII
// letters, digits and single hyphens, at most 64 bytes.
func IsSlug(v string) bool {
	if v == "" || len(v) > 64 || v[0] == '-' || v[len(v)-1] == '-' {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Shorten makes a value safe and short enough to quote in a message: valid
// UTF-8, at most 60 characters.
func Shorten(v string) string {
	v = strings.ToValidUTF8(v, "\uFFFD")
	const max = 60
	if utf8.RuneCountInString(v) <= max {
		return v
	}
	r := []rune(v)
	return string(r[:max]) + "…"
}

func slugList(key, v string, problems *[]Problem) []string {
	var out []string
	seen := map[string]bool{}
	for _, item := range strings.Split(v, ",") {
		item = strings.TrimSpace(item)
		if item == "" || seen[item] {
			continue
		}
		if !IsSlug(item) {
			*problems = append(*problems, Problem{Param: key, Code: CodeBadSyntax, Value: Shorten(item)})
			continue
		}
		if len(out) == MaxListItems {
			*problems = append(*problems, Problem{Param: key, Code: CodeTooMany, Value: Shorten(item)})
			break
		}
		seen[item] = true
		out = append(out, item)
	}
	return out
}

// parseQueryLenient is url.ParseQuery that keeps going past bad pairs and
// keeps the first value of each key (a link has one value per key).
func parseQueryLenient(q string, problems *[]Problem) map[string][]string {
	out := map[string][]string{}
	for q != "" {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			*problems = append(*problems, Problem{Param: Shorten(k), Code: CodeBadEncoding, Value: Shorten(v)})
			continue
		}
		if _, dup := out[key]; dup {
			continue
		}
		out[key] = []string{val}
	}
	return out
}

func cutToLastSeparator(q string, max int) string {
	q = q[:max]
	if i := strings.LastIndexByte(q, '&'); i >= 0 {
		return q[:i]
	}
	return ""
}
