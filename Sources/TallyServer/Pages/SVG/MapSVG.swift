import Foundation
import TallyStore

/// An inline SVG map: each located place a dot at its longitude and latitude (equirectangular,
/// scaled to the places shown), its area growing with its number of claims, linked to its page,
/// over a 10° graticule. No base map and nothing loaded from elsewhere.
enum MapSVG {
    static func svg(_ places: [PlaceSummary], href: (PlaceSummary) -> String, label: String) -> String? {
        let located = places.filter { $0.value.latitude != nil && $0.value.longitude != nil }
        guard !located.isEmpty else { return nil }
        let lats = located.map { $0.value.latitude! }, lons = located.map { $0.value.longitude! }
        // The box around the places, at least 20° each way, with a margin.
        var south = lats.min()! - 3, north = lats.max()! + 3, west = lons.min()! - 5, east = lons.max()! + 5
        if north - south < 20 { let mid = (north + south) / 2; south = mid - 10; north = mid + 10 }
        if east - west < 20 { let mid = (east + west) / 2; west = mid - 10; east = mid + 10 }
        south = max(-90, south); north = min(90, north)
        let squash = cos((north + south) / 2 * .pi / 180)
        let width = 800.0
        let height = max(200, min(800, width * (north - south) / ((east - west) * max(0.2, squash))))
        func x(_ lon: Double) -> Double { (lon - west) / (east - west) * width }
        func y(_ lat: Double) -> Double { (north - lat) / (north - south) * height }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var svg = "<svg class=\"map\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<rect class=\"sea\" x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\"/>"
        var lat = (south / 10).rounded(.up) * 10
        while lat <= north {
            svg += "<line class=\"grid\" x1=\"0\" y1=\"\(f(y(lat)))\" x2=\"\(f(width))\" y2=\"\(f(y(lat)))\"/>"
            svg += "<text class=\"grid\" x=\"4\" y=\"\(f(y(lat) - 3))\">\(Int(lat))°</text>"
            lat += 10
        }
        var lon = (west / 10).rounded(.up) * 10
        while lon <= east {
            svg += "<line class=\"grid\" x1=\"\(f(x(lon)))\" y1=\"0\" x2=\"\(f(x(lon)))\" y2=\"\(f(height))\"/>"
            svg += "<text class=\"grid\" x=\"\(f(x(lon) + 3))\" y=\"\(f(height - 4))\">\(Int(lon))°</text>"
            lon += 10
        }
        let most = Double(located.map(\.claims).max() ?? 1)
        for p in located.sorted(by: { $0.claims > $1.claims }) {
            let cx = x(p.value.longitude!), cy = y(p.value.latitude!)
            let r = 5 + 20 * (Double(p.claims) / most).squareRoot()
            let name = HTMLText.escape(p.value.name)
            svg += "<a href=\"\(HTMLText.escape(href(p)))\"><circle class=\"place\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\"><title>\(name): \(p.claims)</title></circle>"
            // Labels of dots near the right edge go to their left, so they are not cut off.
            let left = cx > width * 0.8
            svg += "<text class=\"label\" x=\"\(f(left ? cx - r - 3 : cx + r + 3))\" y=\"\(f(cy + 4))\"\(left ? " text-anchor=\"end\"" : "")>\(name)</text></a>"
        }
        return svg + "</svg>"
    }
}
