/// The HTML elements whose kind matters for finding an article; all others are `.other`.
enum HTMLTag: UInt8 {
    case other, a, address, article, aside, audio, blockquote, body, br, button, canvas, caption
    case dd, details, dialog, div, dl, dt, embed, fieldset, figcaption, figure, footer, form
    case h1, h2, h3, h4, h5, h6, head, header, hr, html, iframe, img, input, label, li, link, main
    case map, math, menu, meta, nav, noembed, noframes, noscript, object, ol, option, p, pre, script
    case section, select, source, style, summary, svg, table, tbody, td, template, textarea, tfoot
    case th, thead, time, title, tr, ul, video, xmp, area, base, col, param, track, wbr, center, hgroup

    /// Open-addressing table (key, tag) of 512 slots: cheaper than a Dictionary on every tag.
    private static let slots = 512
    private static let slotTable: (keys: [UInt64], tags: [HTMLTag]) = {
        var keys = [UInt64](repeating: 0, count: slots)
        var tags = [HTMLTag](repeating: .other, count: slots)
        for (k, t) in byName {
            var i = Int(truncatingIfNeeded: k & UInt64(slots - 1))
            while keys[i] != 0 { i = (i + 1) & (slots - 1) }
            keys[i] = k
            tags[i] = t
        }
        return (keys, tags)
    }()

    private static let byName: [UInt64: HTMLTag] = {
        var d: [UInt64: HTMLTag] = [:]
        let all: [HTMLTag] = [
            .a, .address, .article, .aside, .audio, .blockquote, .body, .br, .button, .canvas, .caption,
            .dd, .details, .dialog, .div, .dl, .dt, .embed, .fieldset, .figcaption, .figure, .footer, .form,
            .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hr, .html, .iframe, .img, .input, .label, .li,
            .link, .main, .map, .math, .menu, .meta, .nav, .noembed, .noframes, .noscript, .object, .ol,
            .option, .p, .pre, .script, .section, .select, .source, .style, .summary, .svg, .table, .tbody,
            .td, .template, .textarea, .tfoot, .th, .thead, .time, .title, .tr, .ul, .video, .xmp, .area,
            .base, .col, .param, .track, .wbr, .center, .hgroup,
        ]
        for t in all { d[key(Array(String(describing: t).utf8)[...])] = t }
        return d
    }()

    /// Lower-case name bytes (at most 10 matter) packed into an integer; longer names never match.
    @inline(__always)
    static func key(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        guard bytes.count <= 10 else { return 0 }
        var k: UInt64 = UInt64(bytes.count)
        for b in bytes { k = k &* 131 &+ UInt64(b | 0x20) }
        return k
    }

    /// The tag named by `p[start..<end]`, case-insensitively.
    @inline(__always)
    static func lookup(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLTag {
        let n = end - start
        guard n <= 10 else { return .other }
        var k: UInt64 = UInt64(n)
        for i in start..<end { k = k &* 131 &+ UInt64(p[i] | 0x20) }
        let t = slotTable
        var slot = Int(truncatingIfNeeded: k & UInt64(slots - 1))
        while true {
            let key = t.keys[slot]
            if key == k { return t.tags[slot] }
            if key == 0 { return .other }
            slot = (slot + 1) & (slots - 1)
        }
    }

    /// Elements with no content and no end tag.
    var isVoid: Bool {
        switch self {
        case .br, .hr, .img, .input, .link, .meta, .embed, .source, .area, .base, .col, .param, .track, .wbr:
            return true
        default: return false
        }
    }

    /// Elements whose content is raw text up to their end tag (never markup).
    var isRawText: Bool {
        switch self {
        case .script, .style, .textarea, .title, .xmp, .iframe, .noembed, .noframes, .noscript, .template:
            return true
        default: return false
        }
    }

    /// Elements whose text is never article text (controls, media, embedded documents).
    var dropsText: Bool {
        switch self {
        case .button, .select, .option, .svg, .math, .object, .video, .audio, .canvas, .map, .dialog, .label:
            return true
        default: return false
        }
    }

    /// Elements that start a new paragraph of text.
    var breaksBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .body, .br, .caption, .dd, .details, .div, .dl, .dt,
             .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hr,
             .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .td, .th, .tr, .ul,
             .center, .hgroup, .html, .tbody, .thead, .tfoot:
            return true
        default: return false
        }
    }

    /// Block starts that implicitly close an open `<p>`.
    var closesParagraph: Bool {
        breaksBlock && self != .br && self != .td && self != .th && self != .tr
    }

    /// Page furniture by its very element: navigation, asides, footers, captions, forms.
    var isFurnitureElement: Bool {
        switch self {
        case .nav, .aside, .footer, .figcaption, .menu, .form, .figure: return true
        default: return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}
