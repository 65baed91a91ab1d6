/// Our own fixtures holding personal data, shared by the unit and CLI tests that check it never
/// reaches a stored or drafted text.
public enum PersonalDataFixtures {
    /// Last year's visa request, as a CAT tool's TMX holds it: a person's name and passport
    /// number in English, French and Khmer (review 1130h M5).
    public static let visaRequestTMX = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="en"><seg>The Embassy requests a visa for Mr. Keo Rithy, passport No. N01234567.</seg></tuv>
        <tuv xml:lang="fr"><seg>L'Ambassade demande un visa pour M. Keo Rithy, passeport n° N01234567.</seg></tuv>
        <tuv xml:lang="km"><seg>ស្ថានទូតសូមស្នើទិដ្ឋាការសម្រាប់លោក កែវ រិទ្ធី លិខិតឆ្លងដែនលេខ N01234567។</seg></tuv></tu>
        </body></tmx>

        """
}
