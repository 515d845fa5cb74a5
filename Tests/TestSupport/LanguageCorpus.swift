// Articles in eleven languages (Fixtures/Languages, see its README), for the language tests of
// the library and of the command line.
import Foundation

public enum LanguageCorpus {
    /// A corpus folder with one source, World/.
    public static var corpus: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent("Languages")
    }

    /// World/, to copy into a corpus beside the seeds.
    public static var world: URL { corpus.appendingPathComponent("World") }

    /// The language each fixture is written in, by path under the corpus.
    public static let expected: [String: String] = [
        "World/en-border.txt": "en", "World/es-oposicion.txt": "es", "World/fr-incendie.txt": "fr",
        "World/de-unfall.txt": "de", "World/ru-obrashchenie.txt": "ru", "World/ar-hukuma.txt": "ar",
        "World/zh-dizhen.txt": "zh", "World/zh-jingji.txt": "zh", "World/ja-jishin.txt": "ja",
        "World/ko-jutaek.txt": "ko", "World/pt-seguranca.md": "pt",
    ]
}
