// OmegaSeg segments lines of text with OmegaT's own SRX segmenter, to check
// that bitext's exported rules give the same sentences in OmegaT.
//
// Usage: java -cp OmegaT.jar OmegaSeg.java RULES.srx < lines
// Each input line is a language code, a tab and a text; the output has, for
// each, the text's sentences joined by " ||| ".
import java.io.*;
import java.util.*;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.*;
import org.omegat.core.segmentation.*;
import org.omegat.util.Language;

public class OmegaSeg {
  public static void main(String[] args) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(args[0]));
    Map<String, List<Rule>> byName = new LinkedHashMap<>();
    NodeList lrs = doc.getElementsByTagName("languagerule");
    for (int i = 0; i < lrs.getLength(); i++) {
      Element lr = (Element) lrs.item(i);
      List<Rule> rules = new ArrayList<>();
      NodeList rs = lr.getElementsByTagName("rule");
      for (int j = 0; j < rs.getLength(); j++) {
        Element r = (Element) rs.item(j);
        rules.add(new Rule(!"no".equals(r.getAttribute("break")),
            r.getElementsByTagName("beforebreak").item(0).getTextContent(),
            r.getElementsByTagName("afterbreak").item(0).getTextContent()));
      }
      byName.put(lr.getAttribute("languagerulename"), rules);
    }
    List<MapRule> maps = new ArrayList<>();
    NodeList ms = doc.getElementsByTagName("languagemap");
    for (int i = 0; i < ms.getLength(); i++) {
      Element m = (Element) ms.item(i);
      String name = m.getAttribute("languagerulename");
      maps.add(new MapRule(name, m.getAttribute("languagepattern"), byName.get(name)));
    }
    SRX srx = new SRX();
    srx.setMappingRules(maps);
    Segmenter seg = new Segmenter();
    seg.setSRX(srx);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
    for (String line; (line = in.readLine()) != null; ) {
      String[] f = line.split("\t", 2);
      List<String> sentences = seg.segment(new Language(f[0]), f[1], new ArrayList<StringBuilder>(), new ArrayList<Rule>());
      out.println(String.join(" ||| ", sentences));
    }
    out.flush();
  }
}
