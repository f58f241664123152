// Writes the built-in place table as a C++ source: every city of libgeonames' gazetteer (Debian's
// libgeonames-common: the towns of 15,000 people or more, with their state, country and IANA
// zone), the English names of countries from CLDR (unicode-cldr-core), and the city each canonical
// zone of the tz database is named after (zone1970.tab, with CLDR's English spelling where it
// differs). The bot then resolves places with no data files at run time.
//
// Usage: rubdown_place_table OUTPUT.cpp ZONE1970_TAB CLDR_MAIN_DIR

#include <geonames/geonames.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

/// Tabs and newlines would break the table's rows; names never need them.
std::string clean(const char* text) {
    std::string out = text ? text : "";
    for (auto& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in{path};
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_cities(std::ostream& out) {
    const int count = geonames_get_n_cities();
    if (count <= 0) throw std::runtime_error("libgeonames holds no cities");
    std::set<std::pair<std::string, std::string>> countries;
    for (int i = 0; i < count; ++i) {
        GeonamesCity* city = geonames_get_city(i);
        out << "city\t" << clean(geonames_city_get_name(city)) << '\t'
            << clean(geonames_city_get_state(city)) << '\t'
            << clean(geonames_city_get_country_code(city)) << '\t'
            << clean(geonames_city_get_timezone(city)) << '\t' << geonames_city_get_population(city)
            << '\n';
        // The gazetteer's own country names ("United States of America") beside CLDR's.
        countries.emplace(clean(geonames_city_get_country_code(city)),
                          clean(geonames_city_get_country(city)));
        geonames_city_free(city);
    }
    for (const auto& [code, name] : countries) out << "country\t" << code << '\t' << name << '\n';
}

/// `<territory type="GB" alt="short">UK</territory>`: every English name of every country.
void write_countries(std::ostream& out, const std::string& english) {
    static const std::regex territory{
        R"re(<territory type="([A-Z]{2})"(?: alt="\w+")?>([^<]+)<)re"};
    for (std::sregex_iterator it{english.begin(), english.end(), territory}, end; it != end; ++it) {
        out << "country\t" << (*it)[1] << '\t' << (*it)[2] << '\n';
    }
}

/// CLDR's English city name of a zone where it is not the zone's own name (Europe/Kiev: Kyiv).
std::map<std::string, std::string> exemplar_cities(const std::string& xml) {
    static const std::regex exemplar{
        R"re(<zone type="([A-Za-z_/+-]+)">\s*<exemplarCity>([^<]+)</exemplarCity>)re"};
    std::map<std::string, std::string> cities;
    for (std::sregex_iterator it{xml.begin(), xml.end(), exemplar}, end; it != end; ++it) {
        cities[(*it)[1]] = (*it)[2];
    }
    return cities;
}

/// "America/Argentina/Buenos_Aires" -> "Buenos Aires".
std::string city_of_zone(const std::string& zone) {
    auto city = zone.substr(zone.rfind('/') + 1);
    for (auto& c : city) {
        if (c == '_') c = ' ';
    }
    return city;
}

void write_zone_cities(std::ostream& out, const std::string& zone_table,
                       const std::map<std::string, std::string>& exemplars) {
    std::istringstream lines{zone_table};
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line.front() == '#') continue;
        std::istringstream fields{line};
        std::string codes, coordinates, zone;
        std::getline(fields, codes, '\t');
        std::getline(fields, coordinates, '\t');
        std::getline(fields, zone, '\t');
        if (zone.empty()) continue;
        const auto exemplar = exemplars.find(zone);
        out << "zone_city\t" << zone << '\t'
            << (exemplar != exemplars.end() ? exemplar->second : city_of_zone(zone)) << '\n';
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " OUTPUT.cpp ZONE1970_TAB CLDR_MAIN_DIR\n";
        return 2;
    }
    try {
        const std::string cldr = argv[3];
        const auto english = read_file(cldr + "/en.xml");
        auto exemplars = exemplar_cities(read_file(cldr + "/root.xml"));
        for (auto& [zone, city] : exemplar_cities(english)) exemplars[zone] = city;

        std::ostringstream table;
        write_cities(table);
        write_countries(table, english);
        write_zone_cities(table, read_file(argv[2]), exemplars);
        const auto rows = table.str();
        if (rows.find(")place_table\"") != std::string::npos) {
            throw std::runtime_error("a place name holds the raw string's delimiter");
        }

        const std::string output = argv[1];
        std::ofstream out{output + ".tmp"};
        out << "// Generated by intents/places/table_generator from libgeonames, CLDR and the tz\n"
               "// database; do not edit.\n#include <string_view>\n\n"
               "namespace rubdown::intents::places {\n\n"
               "std::string_view built_in_place_table() {\n"
               "    static const char text[] = R\"place_table("
            << rows
            << ")place_table\";\n    return {text, sizeof text - 1};\n}\n\n"
               "}  // namespace rubdown::intents::places\n";
        out.close();
        if (!out || std::rename((output + ".tmp").c_str(), output.c_str()) != 0) {
            throw std::runtime_error("cannot write " + output);
        }
    } catch (const std::exception& error) {
        std::cerr << "rubdown_place_table: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
