package app

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"obligations-explorer/app/state"
	"obligations-explorer/clauses/compiled"
	"obligations-explorer/clauses/search"
)

// searchShown is how many results a page shows; the rest are counted.
const searchShown = 50

var (
	searchOnce sync.Once
	searchIx   *search.Index
	searchErr  error
	// searchBuilt is set once the index is built (or failed to be).
	searchBuilt atomic.Bool
)

// searchIndex returns the index of the whole corpus, built the first time a
// query needs it.
func searchIndex() (*search.Index, error) {
	searchOnce.Do(func() {
		var ids []string
		for _, d := range cat.Documents {
			ids = append(ids, d.ID)
		}
		c, err := compiled.Corpus(ids)
		if err != nil {
			searchErr = err
			return
		}
		searchIx = search.New(c)
	})
	searchBuilt.Store(true)
	return searchIx, searchErr
}

// searchPage is "/search?q=": full-text search over every clause in both
// languages. The query lives in the URL; the box only writes it there.
type searchPage struct {
	page
	resp     search.Response
	searched bool // a query with something to search was run
	loading  bool // the corpus is being fetched for the first query
}

func (v *searchPage) OnNav(ctx goapp.Context) {
	v.readURL(ctx)
	v.resp, v.searched, v.loading = search.Response{}, false, false
	q := v.St.Query
	if strings.TrimSpace(q) == "" {
		v.finish(ctx)
		return
	}
	if searchBuilt.Load() || !goapp.IsClient {
		ix, err := searchIndex()
		v.run(ix, err)
		v.finish(ctx)
		return
	}
	// The first query fetches the corpus's text and indexes it; the page
	// says so meanwhile, and shows the results when they are here unless
	// the user has asked something else.
	v.loading = true
	url := goapp.Window().URL().String()
	ctx.Async(func() {
		ix, err := searchIndex()
		ctx.Dispatch(func(ctx goapp.Context) {
			if goapp.Window().URL().String() != url {
				return
			}
			v.loading = false
			v.run(ix, err)
			v.finish(ctx)
		})
	})
}

// run searches the index for the query in the URL and says what was not
// searched.
func (v *searchPage) run(ix *search.Index, err error) {
	q := v.St.Query
	if err != nil {
		v.alert("无法读取协议文本："+err.Error(), "The texts could not be read: "+err.Error())
		return
	}
	v.resp = ix.Search(q, searchShown)
	v.searched = len(v.resp.Terms) > 0
	switch {
	case !v.searched:
		v.alert("搜索词“"+state.Shorten(q)+"”中没有可以搜索的文字或数字。",
			"The query “"+state.Shorten(q)+"” has no letters or numbers to search for.")
	case v.resp.Truncated:
		n := strconv.Itoa(search.MaxQueryRunes)
		v.alert("搜索词过长：只搜索了前 "+n+" 个字符。", "The query is too long: only its first "+n+" characters were searched.")
	}
	if v.resp.Dropped > 0 {
		n := strconv.Itoa(search.MaxTerms)
		v.alert("搜索词过多：只搜索了前 "+n+" 个。", "Too many words: only the first "+n+" were searched.")
	}
}

// finish sets the title and marks the page ready.
func (v *searchPage) finish(ctx goapp.Context) {
	title := tr(v.St.Lang, "搜索 · 阿里云协议义务查询", "Search · Alibaba Cloud obligations explorer")
	if v.searched {
		title = state.Shorten(strings.TrimSpace(v.St.Query)) + " · " + title
	}
	v.ready(ctx, title)
}

func (v *searchPage) Render() goapp.UI {
	return v.shell(
		v.heading("搜索", "Search"),
		v.form(),
		goapp.If(v.loading, func() goapp.UI {
			return el("p").Class("loading").Attr("role", "status").Text(tr(v.St.Lang, "正在载入并索引全部条文……", "Loading and indexing every clause…"))
		}).ElseIf(v.searched, func() goapp.UI { return v.results() }).
			Else(func() goapp.UI { return v.help() }),
	)
}

// form is the search box. Submitting it writes q= into the URL; without the
// WebAssembly it is an ordinary GET form to the same address.
func (v *searchPage) form() goapp.UI {
	lang := v.St.Lang
	return el("form").Class("search-form").Attr("role", "search").
		Attr("action", Base()+"/search").Attr("method", "get").
		OnSubmit(v.submit).Body(
		el("label").Attr("for", "search-q").Text(tr(lang, "在全部条款的中文和英文中搜索", "Search every clause, in Chinese and English")),
		el("div").Class("search-row").Body(
			voidEl("input").Attr("type", "search").ID("search-q").Attr("name", "q").Attr("value", v.St.Query).
				Attr("maxlength", "150").Attr("autocomplete", "off").Attr("enterkeyhint", "search").
				Attr("placeholder", tr(lang, "例如：欠费、overdue、30日", "e.g. overdue, 欠费, 30 days")),
			goapp.If(lang != state.LangZh, func() goapp.UI {
				return voidEl("input").Attr("type", "hidden").Attr("name", "lang").Attr("value", lang)
			}),
			goapp.If(v.St.Embed, func() goapp.UI {
				return voidEl("input").Attr("type", "hidden").Attr("name", "embed").Attr("value", "1")
			}),
			el("button").Attr("type", "submit").Text(tr(lang, "搜索", "Search")),
		),
	)
}

// submit puts the box's text into the URL: a new history entry, rendered
// by OnNav like any link.
func (v *searchPage) submit(ctx goapp.Context, e goapp.Event) {
	e.PreventDefault()
	q := ""
	if in := goapp.Window().GetElementByID("search-q"); in.Truthy() {
		q = strings.TrimSpace(in.Get("value").String())
	}
	st := carry(v.St)
	st.Query = q
	ctx.Navigate(Link("/search", st))
}

// help says what can be searched, with a few example links.
func (v *searchPage) help() goapp.UI {
	lang := v.St.Lang
	examples := []string{"欠费", "overdue", "arrears", "30日", "data deleted", `"7日届满"`, "special-2.1"}
	return el("div").Class("search-help").Body(
		el("p").Text(tr(lang,
			"在五份协议的每一条款中搜索，中文和英文均可。中文搜索也会通过本站译文找到英文原文的条款，反之亦然；词汇表中的同义词（如 欠费 / overdue / arrears）一并搜索。多个词以空格分开时，条款须包含全部词；用引号搜索完整短语；输入条款编号（如 4.2.1）可直接找到该条款。",
			"Search every clause of the five documents, in Chinese or English. A Chinese query also finds English-original clauses through our translation, and the reverse; glossary synonyms (欠费 / overdue / arrears) are searched too. Several words separated by spaces must all be in a clause; put a phrase in quotes to search it whole; type a clause number (4.2.1) to go straight to it.")),
		el("p").Text(tr(lang, "例如：", "For example:")),
		el("ul").Class("search-examples").Body(goapp.Range(examples).Slice(func(i int) goapp.UI {
			st := carry(v.St)
			st.Query = examples[i]
			return el("li").Body(v.link("/search", st).Text(examples[i]))
		})),
	)
}

// results renders the count and the ranked clauses.
func (v *searchPage) results() goapp.UI {
	lang := v.St.Lang
	r := v.resp
	shown := len(r.Results)
	return el("div").Class("search-results-wrap").Body(
		el("p").Class("search-count").Role("status").Body(v.countText(r)...),
		goapp.If(r.Partial, func() goapp.UI {
			return el("p").Class("search-partial").Text(tr(lang,
				"没有条款同时包含全部搜索词；以下条款包含其中一部分。",
				"No clause has every word of the query; these have some of them."))
		}),
		el("ol").Class("search-results").Body(goapp.Range(r.Results).Slice(func(i int) goapp.UI {
			return v.result(r.Results[i])
		})),
		goapp.If(r.Total > shown, func() goapp.UI {
			n := strconv.Itoa(r.Total - shown)
			return el("p").Class("search-more").Text(tr(lang,
				"另有 "+n+" 条结果未显示。请添加搜索词以缩小范围。",
				n+" more not shown. Add words to narrow the search."))
		}),
	)
}

// countText says how many clauses were found for the query, quoting the
// query as text.
func (v *searchPage) countText(r search.Response) []goapp.UI {
	lang := v.St.Lang
	q := el("q").Class("query").Text(state.Shorten(v.St.Query))
	n := strconv.Itoa(r.Total)
	switch {
	case r.Total == 0:
		return []goapp.UI{goapp.Text(tr(lang, "没有条款包含 ", "No clause contains ")), q,
			goapp.Text(tr(lang, "。请换一个词，或用另一种语言搜索。", ". Try another word, or the other language."))}
	case r.Total > len(r.Results):
		return []goapp.UI{goapp.Text(tr(lang, "找到 "+n+" 条包含 ", n+" clauses contain ")), q,
			goapp.Text(tr(lang, " 的条款，显示最相关的 "+strconv.Itoa(len(r.Results))+" 条。", "; the "+strconv.Itoa(len(r.Results))+" most relevant are shown."))}
	case r.Total == 1:
		return []goapp.UI{goapp.Text(tr(lang, "找到 1 条包含 ", "1 clause contains ")), q, goapp.Text(tr(lang, " 的条款。", "."))}
	}
	return []goapp.UI{goapp.Text(tr(lang, "找到 "+n+" 条包含 ", n+" clauses contain ")), q, goapp.Text(tr(lang, " 的条款。", "."))}
}

// result renders one clause found: its id linking to the clause, its
// document, where the match was, and both languages with the matches
// marked, each with its own lang. The markup is kept flat: fifty of these
// are rendered per search.
func (v *searchPage) result(r search.Result) goapp.UI {
	lang := v.St.Lang
	ui := htmlLang(lang)
	docTitle := r.Doc
	if d, ok := cat.Document(r.Doc); ok {
		docTitle = d.Title.In(ui)
	}
	trans := "en"
	if r.DocLang == "en" {
		trans = "zh"
	}
	// The clause title in the page's language, or else in the original's.
	titleLang := ui
	if len(r.Title[titleLang]) == 0 {
		titleLang = r.DocLang
	}
	where := tr(lang, "在原文中找到", "found in the original")
	if !r.Original {
		where = tr(lang, "通过本站译文找到", "found through our translation")
	}
	if r.Synonym {
		where += tr(lang, "（同义词）", " (synonym)")
	}
	return el("li").Class("search-result").Attr("data-result", r.Doc+"#"+r.Clause).Attr("data-match", r.Lang).Body(
		v.link("/docs/"+r.Doc+"#"+r.Clause, carry(v.St)).Class("result-clause").Body(
			el("span").Class("num").Text("§ "+r.Clause),
			// Always there, empty when the clause has no title: every
			// result has the same shape (see pieces).
			el("span").Class("result-title").Lang(titleLang).Body(pieces(r.Title[titleLang])...),
		),
		el("span").Class("result-meta").Text(docTitle+tr(lang, " · ", " · ")+where),
		el("span").Class("badge original").Text(tr(lang, "原文", "Original")),
		v.snippet(r, r.DocLang, "original"),
		el("span").Class("badge translation").Text(tr(lang, "非官方译文", "Unofficial translation")),
		v.snippet(r, trans, "translation"),
	)
}

// snippet renders a result's text in one language l, as [data-original] or
// [data-translation] (kind).
func (v *searchPage) snippet(r search.Result, l, kind string) goapp.UI {
	text := r.Text[l]
	if len(text) == 0 {
		// A heading without text: its title is what there is to show.
		text = r.Title[l]
	}
	return el("p").Class("snippet "+kind).Lang(l).Attr("data-"+kind, l).Body(pieces(text)...)
}

// pieces renders snippet text: text nodes, the matches in <mark>. The
// children always alternate text, mark, text, …, starting with a (perhaps
// empty) text node, so that from one search to the next go-app updates the
// nodes in place instead of replacing them.
func pieces(s search.Snippet) []goapp.UI {
	out := make([]goapp.UI, 0, len(s)+2)
	text := ""
	for _, p := range s {
		if !p.Mark {
			text += p.Text
			continue
		}
		out = append(out, goapp.Text(text), el("mark").Text(p.Text))
		text = ""
	}
	return append(out, goapp.Text(text))
}
