import Foundation
import Testing
import VerbaleCore
@testable import VerbaleFormats

/// A `<termEntry>` whose end tag is missing, followed by the next entry, was reported as
/// "`<termEntry>` outside another entry" — it is inside one (review 1201a m10). The message now
/// says the entry before is never closed, with the file:line:column of both.
@Suite("TBX: an entry left open before the next one")
struct TBXUnclosedEntryTests {
    static func read(_ document: String, name: String) -> TBXError? {
        do { _ = try TBXReader.readAll(data: Data(document.utf8), name: name); return nil } catch { return error }
    }

    @Test("TBX v2: the </termEntry> of c2 missing names c2's start and the next entry's, line and column")
    func v2() throws {
        let document = """
        <?xml version="1.0"?>
        <martif type="TBX" xml:lang="en"><text><body>
        <termEntry id="c1"><langSet xml:lang="km"><tig><term>ស្ថានទូត</term></tig></langSet></termEntry>
          <termEntry id="c2">
            <langSet xml:lang="km"><tig><term>ក្រសួង​ការបរទេស</term></tig></langSet>
        <termEntry id="c3"><langSet xml:lang="en"><tig><term>note verbale</term></tig></langSet></termEntry>
        </body></text></martif>
        """
        let message = try #require(Self.read(document, name: "t1bad.tbx")).description
        #expect(message == "t1bad.tbx:6:1: <termEntry> starts inside <termEntry id=\"c2\">, opened at t1bad.tbx:4:3 and never closed (its </termEntry> is missing before this line)", "\(message)")
    }

    @Test("TBX v3: an open conceptEntry before the next one, and the entry's place when it has no id")
    func v3() throws {
        let document = """
        <?xml version="1.0"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
        <conceptEntry><langSec xml:lang="km"><termSec><term>ស្ថានទូត</term></termSec></langSec>
        <conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>Embassy</term></termSec></langSec></conceptEntry>
        </body></text></tbx>
        """
        let message = try #require(Self.read(document, name: "v3.tbx")).description
        #expect(message.hasPrefix("v3.tbx:4:1: <conceptEntry> starts inside <conceptEntry>, opened at v3.tbx:3:1 and never closed"), "\(message)")
    }
}
