package org.socklab.cli.checkout;

import org.socklab.grader.Exercise;

/**
 * The README of one exercise's checkout: its statement in English, then in Portuguese (bundled
 * under {@code socklab/checkout/statements/<key>.<en|pt>.md}), each followed by how to get the
 * score. Stateless.
 */
final class ExerciseReadme {
    private ExerciseReadme() {}

    static String of(Exercise exercise) {
        String key = exercise.key();
        String server = exercise.serverClassName();
        String simple = server.substring(server.lastIndexOf('.') + 1);
        String folder = "src/main/java/lab/" + key + "/";
        return """
                # socklab, exercise %1$d: %2$s (%3$d points)

                *Em português: mais abaixo.*

                %4$s
                ## Your score

                ```sh
                ./mvnw test                      # or mvn test: grades your code, then prints the score table
                ./mvnw test -Dsocklab.lang=pt    # the feedback in Portuguese
                java -cp target/classes %5$s   # run it by hand (after mvn test-compile)
                ```

                On Windows, in `cmd` or PowerShell: `mvnw.cmd test`; on macOS and Linux: `./mvnw test`.
                Save your files as UTF-8 *without* BOM (`.editorconfig` tells most editors so); a BOM at the
                start of a file is removed by the build, which says so in a warning.

                Write your code in `%6$s`: the class `%7$s` and its Javadoc are your starting point.
                `src/test/java` only points the grader's tests at your code, `lib/` holds the grader
                (a Maven repository inside this folder, so nothing needs installing), and `.socklab/`
                remembers what `socklab checkout` wrote: running `socklab checkout %2$s .` in this
                folder updates the template's files and keeps every file you changed.

                ---

                # socklab, exercício %1$d: %2$s (%3$d pontos)

                %8$s
                ## Sua nota

                ```sh
                ./mvnw test -Dsocklab.lang=pt    # ou mvn test: corrige o seu código e mostra a tabela de notas
                java -cp target/classes %5$s   # para rodar à mão (depois de mvn test-compile)
                ```

                No Windows, no `cmd` ou no PowerShell: `mvnw.cmd test`; no macOS e no Linux: `./mvnw test`.
                Salve os arquivos em UTF-8 *sem* BOM (o `.editorconfig` já diz isso à maioria dos editores); um
                BOM no início de um arquivo é removido pelo build, que avisa.

                Escreva o seu código em `%6$s`: a classe `%7$s` e o seu Javadoc são o ponto de partida.
                `src/test/java` só aponta os testes do corretor para o seu código, `lib/` traz o corretor
                (um repositório Maven dentro desta pasta: não é preciso instalar nada) e `.socklab/`
                guarda o que o `socklab checkout` escreveu: rodar `socklab checkout %2$s .` nesta pasta
                atualiza os arquivos do modelo e mantém todo arquivo que você alterou.
                """.formatted(
                        exercise.number(),
                        key,
                        exercise.maxPoints(),
                        Bundled.text("socklab/checkout/statements/" + key + ".en.md"),
                        server,
                        folder,
                        simple,
                        Bundled.text("socklab/checkout/statements/" + key + ".pt.md"));
    }
}
