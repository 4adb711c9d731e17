package org.socklab.cli.checkout;

import java.util.Set;
import java.util.stream.Collectors;
import org.socklab.grader.Exercise;

/**
 * The README of an assignment repository: the statements of its exercises in English, then in
 * Portuguese, how to get the score, and, said plainly, what the repository's own CI can and cannot
 * prove. Stateless.
 */
final class AssignmentReadme {
    private AssignmentReadme() {}

    static String of(Set<Exercise> exercises) {
        int max = exercises.stream().mapToInt(Exercise::maxPoints).sum();
        String keys = exercises.stream().map(Exercise::key).collect(Collectors.joining(", "));
        String oneTest = testClass(exercises.iterator().next());
        StringBuilder out = new StringBuilder();
        out.append("# socklab assignment: ")
                .append(keys)
                .append(" (")
                .append(max)
                .append(" points)\n\n")
                .append("*Em português: mais abaixo.*\n\n");
        for (Exercise exercise : exercises) {
            out.append("## ")
                    .append(exercise.number())
                    .append(". ")
                    .append(exercise.key())
                    .append(" (")
                    .append(exercise.maxPoints())
                    .append(" points)\n\n")
                    .append(Bundled.text("socklab/checkout/statements/" + exercise.key() + ".en.md"))
                    .append('\n');
        }
        out.append("""
                ## Your score

                ```sh
                ./mvnw test                        # grades your code, then prints the score table (out of %1$d)
                ./mvnw test -Dtest=%2$s   # one exercise
                ./mvnw test -Dsocklab.lang=pt      # the feedback in Portuguese
                ```

                All it needs is a JDK 17 or later: the first run downloads Maven and the test libraries
                from Maven Central; after that, `./mvnw -o test` works offline. Write your code under
                `src/main/java` only. `src/test/java` only points the grader's tests at your classes; `lib/`
                holds the grader (a Maven repository inside this folder) and `lib/socklab.jar`, the command
                the workflow grades with.

                ## What the GitHub run of your repository proves, and what it does not

                Every push runs `.github/workflows/socklab.yml`: it grades your `src/main/java` with the
                grader in `lib/`, shows the score table on the run's summary page and a `Points X/Y`
                annotation, and lists every protected file (the grader, the tests, the pom, the wrapper,
                the workflow) that differs from what the assignment shipped.

                - It is **feedback**: how your code scores, on a machine other than yours.
                - It **proves nothing** to anyone else: you control every file of this repository, the
                  workflow, the grader and the checksum list included, so a run can be made to say anything.
                - The grade that counts is your teacher's: `socklab grade-all` on the teacher's machine,
                  from your `src/main/java` only, with pristine copies of the grader and the tests. Changing
                  the tests, the pom, `lib/` or the workflow changes nothing in it; it only makes your own
                  feedback wrong.

                ---

                # Trabalho socklab: %3$s (%1$d pontos)

                """.formatted(max, oneTest, keys));
        for (Exercise exercise : exercises) {
            out.append("## ")
                    .append(exercise.number())
                    .append(". ")
                    .append(exercise.key())
                    .append(" (")
                    .append(exercise.maxPoints())
                    .append(" pontos)\n\n")
                    .append(Bundled.text("socklab/checkout/statements/" + exercise.key() + ".pt.md"))
                    .append('\n');
        }
        out.append("""
                ## Sua nota

                ```sh
                ./mvnw test -Dsocklab.lang=pt      # corrige o seu código e mostra a tabela de notas (de %1$d)
                ./mvnw test -Dtest=%2$s -Dsocklab.lang=pt   # um exercício só
                ```

                Basta um JDK 17 ou mais novo: a primeira execução baixa o Maven e as bibliotecas de teste do
                Maven Central; depois, `./mvnw -o test` funciona sem rede. Escreva o seu código só em
                `src/main/java`. `src/test/java` só aponta os testes do corretor para as suas classes; `lib/`
                traz o corretor (um repositório Maven dentro desta pasta) e `lib/socklab.jar`, o comando com
                que o workflow corrige.

                ## O que a execução no GitHub do seu repositório prova, e o que não prova

                Cada push roda `.github/workflows/socklab.yml`: ele corrige o seu `src/main/java` com o
                corretor de `lib/`, mostra a tabela de notas no resumo da execução e uma anotação
                `Points X/Y`, e lista todo arquivo protegido (o corretor, os testes, o pom, o wrapper, o
                workflow) que difere do que o trabalho trouxe.

                - É um **retorno** para você: a nota do seu código, numa máquina que não é a sua.
                - **Não prova nada** a mais ninguém: você controla todos os arquivos deste repositório,
                  inclusive o workflow, o corretor e a lista de checksums; uma execução pode dizer qualquer coisa.
                - A nota que vale é a do professor: `socklab grade-all` na máquina do professor, só a partir
                  do seu `src/main/java`, com cópias intactas do corretor e dos testes. Alterar os testes, o
                  pom, `lib/` ou o workflow não muda nada nela; só deixa errado o seu próprio retorno.
                """.formatted(max, oneTest));
        return out.toString();
    }

    private static String testClass(Exercise exercise) {
        String server = exercise.serverClassName();
        return server.substring(server.lastIndexOf('.') + 1) + "Test";
    }
}
