import Testing
import VerbaleCore

/// What Verbale stores about a file keeps no folders that may name the user (review G3, G4).
@Suite("File names in stored origins")
struct FileOriginTests {
    @Test("Every path shape that reveals folders keeps only its last component")
    func revealingShapes() {
        let cases: [(String, String)] = [
            ("/home/sokha/Documents/notes.tmx", "notes.tmx"),
            ("/Users/dara/notes.tmx", "notes.tmx"),
            ("~/Desktop/ការទូត.tsv", "ការទូត.tsv"),
            (#"C:\Users\lina\notes.tmx"#, "notes.tmx"),
            ("D:/Clients/Sokha Dara/notes.tmx", "notes.tmx"),
            ("d:/clients/notes.tmx", "notes.tmx"),
            (#"\\fileserver\users\sokha\notes.tmx"#, "notes.tmx"),
            ("smb://fileserver/users/sokha/notes.tmx", "notes.tmx"),
            ("file:///home/sokha/notes.tmx", "notes.tmx"),
            ("sftp+ssh://host/srv/notes.tmx", "notes.tmx"),
            ("share/users/sokha/notes.tmx", "notes.tmx"),
            ("share/Users/sokha/notes.tmx", "notes.tmx"),
            ("mnt/HOME/sokha/notes.tmx", "notes.tmx"),
        ]
        for (path, name) in cases {
            #expect(FileOrigin.name(path) == name, "\(path)")
        }
    }

    @Test("Relative names, standard input and free text stay as given")
    func keptShapes() {
        for path in ["notes.tmx", "data/notes.tmx", "Memories/note-verbale-formulas.tmx", "<stdin>", "-",
                     "MFA archive #12", "Trados project 2019", "note: see file", "C:notes.tmx", "http:/x"] {
            #expect(FileOrigin.name(path) == path, "\(path)")
        }
    }

    @Test("startsLikePath: absolute, home, drive, UNC and URL starts only")
    func startsLikePath() {
        for text in ["/a", "~a", #"\\srv\a"#, #"C:\a"#, "D:/a", "smb://srv/a", "file:///a", "x-y.z+w://a"] {
            #expect(FileOrigin.startsLikePath(Substring(text)), "\(text)")
        }
        for text in ["a/b", "C:", "CD:/a", "1a://b", "note: //a", "MFA archive #12", "note 45 (see /home/archive)", ""] {
            #expect(!FileOrigin.startsLikePath(Substring(text)), "\(text)")
        }
    }

    @Test("Align's provenance: each LANG=PATH part keeps its file name, sentence numbers and ranges unchanged")
    func alignProvenance() {
        #expect(FileOrigin.provenance("en=/home/sokha/notes/a.txt") == "en=a.txt")
        #expect(FileOrigin.provenance("km-KH=notes/k.txt") == "km-KH=notes/k.txt")
        #expect(FileOrigin.provenance("fr=D:/x=y/b.txt") == "fr=b.txt")
        let old = "aligned by verbale align: en=/home/sokha/Dara-case/a.txt sentence 3; fr=smb://srv/users/s/b.txt sentences 3–4; km=~/k; x/ក.txt sentence 12"
        #expect(FileOrigin.shortenedAlignProvenance(old)
                == "aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentences 3–4; km=ក.txt sentence 12")
        let relative = "aligned by verbale align: en=case/a.txt sentence 3; fr=case/b.txt sentence 3"
        #expect(FileOrigin.shortenedAlignProvenance(relative) == nil, "relative names stay in stored provenance")
        #expect(FileOrigin.shortenedAlignProvenance(relative, rule: FileOrigin.lastComponent)
                == "aligned by verbale align: en=a.txt sentence 3; fr=b.txt sentence 3")
        #expect(FileOrigin.shortenedAlignProvenance("/home/sokha/a.txt#3") == nil, "not align's provenance")
    }
}
