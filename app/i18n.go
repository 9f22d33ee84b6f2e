package app

import "obligations-explorer/app/state"

// tr picks the interface text for lang. The interface is Chinese for both
// "zh" and "both" (DESIGN §4: with both, each clause shows two languages, the
// chrome stays Chinese).
func tr(lang, zh, en string) string {
	if lang == state.LangEn {
		return en
	}
	return zh
}

// htmlLang is the value of <html lang> for a lang parameter.
func htmlLang(lang string) string {
	if lang == state.LangEn {
		return "en"
	}
	return "zh"
}

// problemMessage explains one unusable part of the link in the page's language.
func problemMessage(lang string, p state.Problem) string {
	name := p.Param
	if name == "" {
		name = tr(lang, "链接", "link")
	}
	switch p.Code {
	case state.CodeTooLong:
		if p.Param == "" {
			return tr(lang, "链接过长，超出部分已忽略。", "The link is too long; the excess was ignored.")
		}
		return tr(lang, "参数 "+name+" 过长，已忽略。", "The parameter "+name+" is too long and was ignored.")
	case state.CodeBadEncoding:
		return tr(lang, "参数 "+name+" 的编码无效，已忽略。", "The parameter "+name+" is not validly encoded and was ignored.")
	case state.CodeBadValue:
		return tr(lang, "参数 "+name+" 不接受值“"+p.Value+"”，已忽略。", "The parameter "+name+" does not accept “"+p.Value+"”; it was ignored.")
	case state.CodeBadSyntax:
		return tr(lang, "参数 "+name+" 中的“"+p.Value+"”不是有效的标识，已忽略。", "“"+p.Value+"” in "+name+" is not a valid identifier and was ignored.")
	case state.CodeTooMany:
		return tr(lang, "参数 "+name+" 的项目过多，从“"+p.Value+"”起已忽略。", "Too many items in "+name+"; ignored from “"+p.Value+"” on.")
	}
	return tr(lang, "链接的一部分无法使用，已忽略。", "Part of the link could not be used and was ignored.")
}
